package io.intelligencecrm.webhooks.event;

import io.intelligencecrm.core.events.RecordChange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which catalogue events one record change is: an update of a deal's stage is also a stage change and
 * possibly a win; a new lead score is an event only for subscriptions whose threshold it passed.
 */
public final class RecordEvents {
    private RecordEvents() {
    }

    /** The events every subscription may receive for the change (score crossings excepted). */
    public static List<String> of(RecordChange change) {
        String type = change.entityType();
        List<String> events = new ArrayList<>();
        switch (change.action()) {
            case "created" -> events.add(type + ".created");
            case "updated", "restored" -> events.add(type + ".updated");
            case "deleted" -> events.add(type + ".deleted");
            case "merged" -> events.add(type + ".deleted");
            case "decided", "finished" -> events.add(type + "." + change.action());
            default -> {
                // "scored" is per subscription (its threshold); "erased" sends nothing at all.
            }
        }
        if (type.equals("deal") && change.action().equals("updated") && change.changes().get("stage") instanceof List<?> stage
                && stage.size() == 2) {
            events.add("deal.stage_changed");
            String now = String.valueOf(stage.get(1)).toLowerCase();
            if (now.equals("won") || now.equals("lost")) events.add("deal." + now);
        }
        return events;
    }

    /** A score movement across {@code threshold}, in either direction; empty when it stayed on one side. */
    public static Map<String, Object> scoreCrossing(RecordChange change, BigDecimal threshold) {
        if (!change.entityType().equals("contact") || !change.action().equals("scored")) return Map.of();
        if (!(change.changes().get("score") instanceof List<?> scores) || scores.size() != 2) return Map.of();
        if (!(scores.get(1) instanceof Number current)) return Map.of();
        double limit = threshold.doubleValue();
        Double previous = scores.get(0) instanceof Number number ? number.doubleValue() : null;
        boolean up = current.doubleValue() >= limit && (previous == null || previous < limit);
        boolean down = current.doubleValue() < limit && previous != null && previous >= limit;
        if (!up && !down) return Map.of();
        Map<String, Object> crossing = new LinkedHashMap<>();
        crossing.put("previous", previous);
        crossing.put("current", current.doubleValue());
        crossing.put("threshold", limit);
        crossing.put("direction", up ? "up" : "down");
        return crossing;
    }
}
