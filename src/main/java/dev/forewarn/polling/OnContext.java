package dev.forewarn.polling;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Runs a JDK HTTP call and brings its result back onto the caller's Vert.x context, where Hibernate Reactive
 * (which the next step usually needs) must run.
 */
public final class OnContext {
    private OnContext() {
    }

    public static <T> Uni<T> call(Supplier<CompletionStage<T>> call) {
        Context ctx = Vertx.currentContext();
        Uni<T> uni = Uni.createFrom().completionStage(call);
        return ctx == null ? uni : uni.emitOn(task -> ctx.runOnContext(ignored -> task.run()));
    }
}
