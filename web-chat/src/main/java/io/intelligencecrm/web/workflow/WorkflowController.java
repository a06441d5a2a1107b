package io.intelligencecrm.web.workflow;

import com.fasterxml.jackson.core.type.TypeReference;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.core.workflow.Workflow;
import io.intelligencecrm.core.workflow.WorkflowService;
import io.intelligencecrm.web.api.ApiRoutes;
import io.intelligencecrm.web.auth.CurrentActor;
import io.intelligencecrm.web.http.QueryParams;
import io.intelligencecrm.web.http.Requests;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Workflows and their runs: create, list, change, pause, resume, delete, run now, cancel a run. */
public final class WorkflowController {
    private final WorkflowService workflows;
    private final String schema;

    public WorkflowController(WorkflowService workflows) {
        this.workflows = workflows;
        this.schema = schema();
    }

    public void routes(ApiRoutes api) {
        api.get("/api/workflows", this::list).doc("workflows", "Your workflows (admins: everyone's)")
                .returns("Workflow[]");
        api.post("/api/workflows", this::create).doc("workflows", "Create a workflow")
                .description("The definition is validated against the workflow schema (GET /api/workflow-schema); "
                        + "problems come back per field, e.g. definition.steps[1].prompt. It runs with your "
                        + "permissions. Without activate: true it is a draft until activated.")
                .body("WorkflowInput").returns(201, "Workflow");
        api.get("/api/workflow-schema", this::schema).doc("workflows", "The JSON schema of workflow definitions")
                .returns("object");
        api.get("/api/workflows/{id}", this::get).doc("workflows", "A workflow").returns("Workflow");
        api.patch("/api/workflows/{id}", this::update).doc("workflows", "Rename or change the definition")
                .description("A new definition is a new version; runs under way continue from their current step with it.")
                .body("WorkflowChanges").returns("Workflow");
        api.delete("/api/workflows/{id}", this::delete).doc("workflows", "Delete (running runs are cancelled)")
                .returns(204, null);
        api.post("/api/workflows/{id}/activate", this::activate).doc("workflows", "Activate a draft or resume")
                .returns("Workflow");
        api.post("/api/workflows/{id}/pause", this::pause).doc("workflows", "Pause: no new runs start")
                .returns("Workflow");
        api.post("/api/workflows/{id}/resume", this::activate).doc("workflows", "Resume a paused workflow")
                .returns("Workflow");
        api.post("/api/workflows/{id}/run", this::runNow).doc("workflows", "Run now, whatever the trigger")
                .returns(201, "WorkflowRun");
        api.get("/api/workflows/{id}/runs", this::runs).doc("workflows", "Recent runs, newest first")
                .query("limit", "integer", "at most this many (default 20)").returns("WorkflowRun[]");
        api.get("/api/workflow-runs/{id}", this::run).doc("workflows", "A run with its steps").returns("WorkflowRun");
        api.post("/api/workflow-runs/{id}/cancel", this::cancel).doc("workflows", "Cancel a running or waiting run")
                .returns("WorkflowRun");
    }

    void list(Context ctx) {
        Actor actor = CurrentActor.of(ctx);
        ctx.json(workflows.list(actor).stream().map(workflow -> view(actor, workflow)).toList());
    }

    void create(Context ctx) {
        Actor actor = CurrentActor.of(ctx);
        ctx.status(201).json(view(actor, workflows.create(actor, Requests.jsonObject(ctx))));
    }

    /** The workflow as stored, with when it fires next and in which time zone (active cron workflows). */
    private Map<String, Object> view(Actor actor, Workflow workflow) {
        Map<String, Object> json = Json.mapper().convertValue(workflow, new TypeReference<>() { });
        workflows.nextFiring(actor.tenant(), workflow).ifPresent(next -> {
            json.put("nextRunAt", next.at().toString());
            json.put("timezone", next.zone());
        });
        return json;
    }

    void schema(Context ctx) {
        ctx.contentType("application/schema+json").result(schema);
    }

    void get(Context ctx) {
        Actor actor = CurrentActor.of(ctx);
        ctx.json(view(actor, workflows.get(actor, id(ctx))));
    }

    void update(Context ctx) {
        Actor actor = CurrentActor.of(ctx);
        ctx.json(view(actor, workflows.update(actor, id(ctx), Requests.jsonObject(ctx))));
    }

    void delete(Context ctx) {
        workflows.delete(CurrentActor.of(ctx), id(ctx));
        ctx.status(204);
    }

    void activate(Context ctx) {
        Actor actor = CurrentActor.of(ctx);
        ctx.json(view(actor, workflows.activate(actor, id(ctx))));
    }

    void pause(Context ctx) {
        Actor actor = CurrentActor.of(ctx);
        ctx.json(view(actor, workflows.pause(actor, id(ctx))));
    }

    void runNow(Context ctx) {
        ctx.status(201).json(workflows.runNow(CurrentActor.of(ctx), id(ctx)));
    }

    void runs(Context ctx) {
        QueryParams params = new QueryParams(ctx);
        Integer limit = params.integer("limit");
        params.validate();
        ctx.json(workflows.runs(CurrentActor.of(ctx), id(ctx), limit == null ? 20 : limit));
    }

    void run(Context ctx) {
        ctx.json(workflows.run(CurrentActor.of(ctx), Requests.id(ctx, "id", "Workflow run")));
    }

    void cancel(Context ctx) {
        ctx.json(workflows.cancel(CurrentActor.of(ctx), Requests.id(ctx, "id", "Workflow run")));
    }

    private static UUID id(Context ctx) {
        return Requests.id(ctx, "id", "Workflow");
    }

    private static String schema() {
        try (InputStream in = WorkflowService.class.getResourceAsStream("/workflow/workflow-schema.json")) {
            if (in == null) throw new IllegalStateException("workflow-schema.json is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
