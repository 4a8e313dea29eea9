package dev.forewarn.ticket;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Classes of this feature that Jackson reads or writes outside a REST signature, registered for the native image:
 * answers to pushed ticket documents and their rejections. NativeReadinessTest lists any class missing here.
 */
@RegisterForReflection(targets = {
    dev.forewarn.ticket.TicketWebhookResource.Accepted.class,
    dev.forewarn.ticket.json.Rejection.class,
})
final class ReflectionRegistrations {
    private ReflectionRegistrations() {
    }
}
