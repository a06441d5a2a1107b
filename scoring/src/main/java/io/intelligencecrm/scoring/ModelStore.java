package io.intelligencecrm.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.intelligencecrm.core.json.Json;
import io.intelligencecrm.scoring.model.LeadModel;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The tenant's trained models, newest in use; all calls run in the caller's tenant transaction. */
final class ModelStore {
    private ModelStore() {
    }

    static int nextVersion(Handle handle) {
        return handle.createQuery("select coalesce(max(version), 0) + 1 from scoring_models")
                .mapTo(Integer.class).one();
    }

    static void save(Handle handle, LeadModel model) {
        handle.createUpdate("""
                        insert into scoring_models (tenant_id, version, kind, trained_at, closed_leads, won_leads,
                                                    parameters, backtest)
                        values (crm_current_tenant(), :version, 'logistic', :trainedAt, :closed, :won,
                                cast(:parameters as jsonb), cast(:backtest as jsonb))""")
                .bind("version", model.version())
                .bind("trainedAt", model.trainedAt())
                .bind("closed", model.closedLeads())
                .bind("won", model.wonLeads())
                .bind("parameters", json(model))
                .bind("backtest", json(model.backtest() == null ? Map.of() : model.backtest()))
                .execute();
    }

    /** The newest model in the current format; older ones are ignored until the next training replaces them. */
    static Optional<LeadModel> latest(Handle handle) {
        return handle.createQuery("""
                        select parameters from scoring_models
                         where kind = 'logistic' and parameters ->> 'format' = :format
                         order by version desc limit 1""")
                .bind("format", String.valueOf(LeadModel.FORMAT))
                .mapTo(String.class).findOne().map(ModelStore::model);
    }

    /** When the model in use was trained and on how many closed leads, without reading the model itself. */
    record Trained(Instant trainedAt, int closedLeads) {
    }

    static Optional<Trained> latestTraining(Handle handle) {
        return handle.createQuery("""
                        select trained_at, closed_leads from scoring_models
                         where kind = 'logistic' and parameters ->> 'format' = :format
                         order by version desc limit 1""")
                .bind("format", String.valueOf(LeadModel.FORMAT))
                .map((rs, ctx) -> new Trained(rs.getTimestamp("trained_at").toInstant(), rs.getInt("closed_leads")))
                .findOne();
    }

    private static LeadModel model(String json) {
        try {
            return Json.mapper().readValue(json, LeadModel.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored scoring model is unreadable", e);
        }
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
