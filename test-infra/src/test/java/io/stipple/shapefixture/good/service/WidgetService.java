package io.stipple.shapefixture.good.service;

import io.stipple.shapefixture.good.domain.Widget;
import io.stipple.shapefixture.good.repository.WidgetRepository;

/** Takes a command, uses the repository. */
public class WidgetService {
    WidgetRepository widgets = new WidgetRepository();

    public record RenameWidget(String name) {
    }

    public Widget rename(RenameWidget command) {
        return widgets.widget(command.name());
    }
}
