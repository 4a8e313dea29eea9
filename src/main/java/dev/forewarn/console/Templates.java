package dev.forewarn.console;

import dev.forewarn.api.IncidentsResource;
import dev.forewarn.api.OnCallResource;
import dev.forewarn.api.PagesResource;
import dev.forewarn.api.TicketViews;
import dev.forewarn.api.Views;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The console's type-checked Qute templates (src/main/resources/templates/console). */
@CheckedTemplate(basePath = "console")
public final class Templates {
    private Templates() {
    }

    public static native TemplateInstance pageAction(Chrome chrome, PageFacts page, String action, String actUrl,
                                                     String resolveUrl, String actor, boolean canAct,
                                                     String cannotActWhy, String message, String messageKind);

    public static native TemplateInstance login(Chrome chrome, String next, String error);

    public static native TemplateInstance now(Chrome chrome, List<Views.RegionView> regions,
                                              List<Views.IncidentSummary> incidents,
                                              List<TicketViews.TicketView> tickets, long ticketsAtRisk,
                                              List<PagesResource.PageView> pages,
                                              List<OnCallResource.OnCallView> oncall, boolean mayOperate,
                                              String message);

    public static native TemplateInstance incident(Chrome chrome, Views.IncidentView incident);

    public static native TemplateInstance ticket(Chrome chrome, TicketViews.TicketView ticket,
                                                 List<PagesResource.PageDetail> pages, boolean mayOperate);

    public static native TemplateInstance oncall(Chrome chrome, List<OnCallWeek.Row> rows,
                                                 List<OnCallResource.OverrideView> overrides);
}
