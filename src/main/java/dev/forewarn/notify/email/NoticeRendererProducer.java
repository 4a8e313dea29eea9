package dev.forewarn.notify.email;

import io.quarkus.qute.Engine;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the plain {@link NoticeRenderer} a bean over the Qute engine Quarkus configured. */
public class NoticeRendererProducer {

    @Produces
    @Singleton
    NoticeRenderer noticeRenderer(Engine engine) {
        return new NoticeRenderer(engine);
    }
}
