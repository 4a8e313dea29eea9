package dev.forewarn.testing;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;

/** API keys of the %test profile, and the default credentials of REST Assured calls in tests. */
public final class Api {
    public static final String VIEWER = "viewer-key-0123456789abcdef";
    public static final String OPERATOR = "operator-key-0123456789abcdef";
    public static final String ADMIN = "admin-key-0123456789abcdef0123";

    private Api() {
    }

    /** Every following {@code given()} carries the admin key (call from @BeforeEach). */
    public static void asAdmin() {
        as(ADMIN);
    }

    public static void as(String key) {
        RestAssured.requestSpecification = key == null ? null
                : new RequestSpecBuilder().addHeader("Authorization", "Bearer " + key).build();
    }
}
