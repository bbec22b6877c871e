package io.careline.push.channel;

import io.careline.push.PushConfig;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Non-blocking HTTP to the providers over Vert.x: one pooled client per provider endpoint, HTTP/1.1 or HTTP/2
 * (APNs), TLS for https URLs; plain-text HTTP/2 for http URLs (the local protocol servers of the tests).
 */
@ApplicationScoped
public class ProviderHttp {
    @Inject
    Vertx vertx;

    @Inject
    PushConfig config;

    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

    /** A provider's answer: status, the headers a channel reads, the body as text. */
    public record Reply(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    public CompletionStage<Reply> post(String url, Map<String, String> headers, String body, boolean http2) {
        return exchange(HttpMethod.POST, url, headers, body, http2);
    }

    public CompletionStage<Reply> get(String url, boolean http2) {
        return exchange(HttpMethod.GET, url, Map.of(), null, http2);
    }

    private CompletionStage<Reply> exchange(HttpMethod method, String url, Map<String, String> headers, String body,
            boolean http2) {
        URI uri = URI.create(url);
        boolean tls = "https".equals(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        HttpClient client = clients.computeIfAbsent(uri.getScheme() + "://" + uri.getHost() + ":" + port + "/" + http2,
                key -> create(tls, http2));
        RequestOptions options = new RequestOptions().setMethod(method).setHost(uri.getHost()).setPort(port)
                .setURI(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                .setTimeout(config.requestTimeout().toMillis());
        headers.forEach(options::putHeader);
        // Issued on a Vert.x context: a response must find its body handler set on the event loop it arrives
        // on, which a request sent from another thread (a caller's, or a completed token's) does not ensure.
        Promise<Reply> reply = Promise.promise();
        vertx.getOrCreateContext().runOnContext(ignored -> client.request(options)
                .compose(request -> body == null ? request.send() : request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(payload -> {
                    Map<String, String> read = new HashMap<>();
                    response.headers().forEach(h -> read.put(h.getKey().toLowerCase(), h.getValue()));
                    return new Reply(response.statusCode(), read, payload.toString());
                }))
                .onComplete(reply));
        return reply.future().toCompletionStage();
    }

    private HttpClient create(boolean tls, boolean http2) {
        HttpClientOptions options = new HttpClientOptions().setSsl(tls).setKeepAlive(true).setMaxPoolSize(50)
                .setConnectTimeout((int) config.requestTimeout().toMillis());
        if (http2) {
            options.setProtocolVersion(HttpVersion.HTTP_2).setUseAlpn(tls).setHttp2ClearTextUpgrade(false)
                    .setHttp2MaxPoolSize(4).setHttp2MultiplexingLimit(500);
        }
        return vertx.createHttpClient(options);
    }

    @PreDestroy
    void close() {
        clients.values().forEach(HttpClient::close);
    }
}
