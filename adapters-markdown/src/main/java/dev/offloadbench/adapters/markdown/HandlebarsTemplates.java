package dev.offloadbench.adapters.markdown;

import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.HandlebarsError;
import com.github.jknack.handlebars.HandlebarsException;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.io.StringTemplateSource;
import com.github.jknack.handlebars.io.TemplateLoader;
import dev.offloadbench.domain.BenchException;
import java.io.IOException;

/**
 * Compiles and applies Handlebars templates the way the report needs them, turning every
 * Handlebars failure into a {@link BenchException} that names the template and the position.
 */
final class HandlebarsTemplates {
    private final Handlebars handlebars;

    /**
     * Values are markdown, not HTML, so nothing is escaped; pretty printing applies the Mustache
     * rule for standalone lines, so a line holding only a block tag leaves no blank line behind.
     */
    HandlebarsTemplates(TemplateLoader partials) {
        this.handlebars = new Handlebars(partials).with(EscapingStrategy.NOOP).prettyPrint(true);
    }

    /**
     * @param name what the user knows the template as (a file path, or "profile mng, Notes line 3")
     * @param hint how to fix a broken template, appended to the error message
     */
    Template compile(String name, String content, String hint) {
        try {
            return handlebars.compile(new StringTemplateSource(name, normaliseLineEndings(content)));
        } catch (HandlebarsException e) {
            throw failure(name, e, hint);
        } catch (IOException e) {
            throw new BenchException("cannot compile template " + name + ": " + e.getMessage() + "; " + hint, e);
        }
    }

    static String apply(Template template, Object context, String name, String hint) {
        try {
            return template.apply(context);
        } catch (HandlebarsException e) {
            throw failure(name, e, hint);
        } catch (IOException e) {
            throw new BenchException("cannot render template " + name + ": " + e.getMessage() + "; " + hint, e);
        }
    }

    static String normaliseLineEndings(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static BenchException failure(String name, HandlebarsException e, String hint) {
        HandlebarsError error = e.getError();
        if (error == null) {
            return new BenchException("template " + name + ": " + firstLine(e.getMessage()) + "; " + hint, e);
        }
        String where = error.filename == null || error.filename.isBlank() ? name : error.filename;
        String reason = error.reason == null ? firstLine(e.getMessage()) : error.reason;
        return new BenchException("template " + where + ":" + error.line + ":" + error.column + ": " + reason
                + "; " + hint, e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown Handlebars error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
