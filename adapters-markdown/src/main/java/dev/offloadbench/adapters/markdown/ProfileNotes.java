package dev.offloadbench.adapters.markdown;

import com.github.jknack.handlebars.Template;
import dev.offloadbench.domain.model.ProjectReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders a profile's Notes lines, each one a Handlebars template, leaving out lines that come out blank. */
final class ProfileNotes {
    private static final String HINT = "fix that Notes line in the profile that provides it";

    private final HandlebarsTemplates templates;

    ProfileNotes(HandlebarsTemplates templates) {
        this.templates = templates;
    }

    List<String> render(ProjectReport project, Map<String, Object> context) {
        List<String> lines = new ArrayList<>();
        List<String> notes = project.profile().notes();
        for (int i = 0; i < notes.size(); i++) {
            String name = "profile " + project.profile().id() + ", Notes line " + (i + 1);
            Template template = templates.compile(name, notes.get(i), HINT);
            String line = HandlebarsTemplates.apply(template, context, name, HINT);
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
