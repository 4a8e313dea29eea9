package dev.forewarn.config;

import dev.forewarn.api.ApiError;
import dev.forewarn.probe.ProbeResource;
import dev.forewarn.probe.format.ProbeReading;
import dev.forewarn.probe.format.ProbeReport;
import dev.forewarn.probe.format.Rejection;
import dev.forewarn.quality.model.RegionEvidence;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Classes Jackson reads or writes outside a REST signature, registered for the native image: stored evidence
 * JSON, probe reports parsed by hand, and entities behind a raw {@code Response}. REST DTOs in signatures are
 * registered by Quarkus itself; NativeReadinessTest lists any class missing here.
 */
@RegisterForReflection(targets = {
    RegionEvidence.class,
    ProbeReport.class, ProbeReading.class,
    ProbeResource.PushResult.class, ProbeResource.PushError.class, Rejection.class,
    ApiError.class, ApiError.FieldError.class,
    dev.forewarn.api.PagesResource.ActionResult.class, dev.forewarn.api.OnCallResource.OverrideView.class,
    dev.forewarn.oncall.model.Override.class,
    dev.forewarn.ticket.TicketWebhookResource.Accepted.class, dev.forewarn.ticket.json.Rejection.class,
    dev.forewarn.demo.DemoScript.DemoTicket.class,
    dev.forewarn.api.CustomerPreferencesResource.PreferencesView.class,
    dev.forewarn.api.CustomerPreferencesResource.AuditView.class,
    dev.forewarn.api.CustomerPreferencesResource.LinkView.class,
    dev.forewarn.customer.model.NoticePreferences.class, dev.forewarn.customer.model.NoticeTopic.class,
})
public final class ReflectionRegistrations {
    private ReflectionRegistrations() {
    }
}
