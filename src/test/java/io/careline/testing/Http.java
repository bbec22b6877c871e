package io.careline.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** REST calls to a packaged application from tests that run without Quarkus in their JVM. */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {
    }

    /** POSTs JSON as the actor and returns the response, body as text. */
    public static HttpResponse<String> post(URI uri, Actor actor, String json) throws IOException, InterruptedException {
        return withBody("POST", uri, actor, json);
    }

    /** GETs as the actor and returns the response, body as text. */
    public static HttpResponse<String> get(URI uri, Actor actor) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + actor.token())
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** PUTs JSON as the actor and returns the response, body as text. */
    public static HttpResponse<String> put(URI uri, Actor actor, String json) throws IOException, InterruptedException {
        return withBody("PUT", uri, actor, json);
    }

    /** PATCHes JSON as the actor and returns the response, body as text. */
    public static HttpResponse<String> patch(URI uri, Actor actor, String json)
            throws IOException, InterruptedException {
        return withBody("PATCH", uri, actor, json);
    }

    private static HttpResponse<String> withBody(String method, URI uri, Actor actor, String json)
            throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + actor.token())
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a text message into a session and returns its seq; fails unless the server answers 201. */
    public static long sendText(PackagedApp app, Actor sender, String sessionId, String text)
            throws IOException, InterruptedException {
        HttpResponse<String> response = post(app.api("/api/v1/sessions/" + sessionId + "/messages"), sender,
                "{\"type\":\"text\",\"content\":{\"text\":\"" + text + "\"}}");
        if (response.statusCode() != 201) {
            throw new IllegalStateException("send answered " + response.statusCode() + ": " + response.body());
        }
        return seqOf(response.body());
    }

    /** The {@code seq} of a message's JSON. */
    public static int seqOf(String body) {
        int at = body.indexOf("\"seq\":") + 6;
        int end = at;
        while (Character.isDigit(body.charAt(end))) {
            end++;
        }
        return Integer.parseInt(body.substring(at, end));
    }
}
