package io.stipple.shapefixture.good.rest;

import io.stipple.shapefixture.good.service.WidgetService;

/** Maps its request to the service's command. */
public class WidgetResource {
    public record RenameRequest(String name) {
    }

    WidgetService service = new WidgetService();

    public String rename(RenameRequest request) {
        return service.rename(new WidgetService.RenameWidget(request.name())).name();
    }
}
