package io.careline.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** A user of one tenant holding a real signed token; {@link #req()} starts an authenticated request. */
public record Actor(String tenant, String userId, String token) {

    public static Actor of(String tenant, String userId, String... roles) {
        return new Actor(tenant, userId, Tokens.of(tenant, userId, roles));
    }

    public RequestSpecification req() {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
