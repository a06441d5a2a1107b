package io.intelligencecrm.web.page;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/** Renders the precompiled jte templates (compiled to classes by the build; nothing parsed at run time). */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public void page(Context ctx, String template, Map<String, Object> params) {
        StringOutput output = new StringOutput(8192);
        engine.render(template, params, output);
        ctx.contentType("text/html; charset=utf-8").result(output.toString());
    }
}
