package io.intelligencecrm.web.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checked-in Grafana dashboard and Prometheus alert rules, parsed, with the PromQL expressions
 * they query. Malformed files, rules without their parts and unbalanced expressions fail to load.
 */
record MonitoringFiles(List<String> alertNames, List<String> alertExpressions, List<String> dashboardExpressions) {
    /** The product's own series and the JVM, pool and process ones it exports. */
    private static final Pattern SERIES = Pattern.compile("\\b((?:crm|http|jvm|hikaricp|process)_[a-z0-9_]+)\\b");

    static MonitoringFiles read(Path folder) throws IOException {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(folder.resolve("alert-rules.yml").toFile());
        List<String> names = new ArrayList<>();
        List<String> alerts = new ArrayList<>();
        for (JsonNode group : required(rules, "groups")) {
            required(group, "name");
            for (JsonNode rule : required(group, "rules")) {
                names.add(required(rule, "alert").asText());
                alerts.add(balanced(required(rule, "expr").asText()));
                required(rule.path("labels"), "severity");
                required(rule.path("annotations"), "summary");
                required(rule.path("annotations"), "description");
            }
        }
        JsonNode dashboard = new ObjectMapper().readTree(folder.resolve("grafana-dashboard.json").toFile());
        required(dashboard, "title");
        required(dashboard, "uid");
        List<String> panels = new ArrayList<>();
        for (JsonNode panel : required(dashboard, "panels")) {
            required(panel, "type");
            required(panel, "title");
            required(panel, "gridPos");
            if (panel.path("type").asText().equals("row")) continue;
            for (JsonNode target : required(panel, "targets")) panels.add(balanced(required(target, "expr").asText()));
        }
        return new MonitoringFiles(names, alerts, panels);
    }

    List<String> allExpressions() {
        List<String> all = new ArrayList<>(alertExpressions);
        all.addAll(dashboardExpressions);
        return all;
    }

    static List<String> seriesIn(String expression) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        Matcher matcher = SERIES.matcher(expression);
        while (matcher.find()) names.add(matcher.group(1));
        return List.copyOf(names);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank())
                || (value.isArray() && value.isEmpty())) {
            throw new IllegalArgumentException("missing '" + field + "' in " + node);
        }
        return value;
    }

    private static String balanced(String expression) {
        int depth = 0;
        for (char c : expression.toCharArray()) {
            if (c == '(' || c == '{' || c == '[') depth++;
            if (c == ')' || c == '}' || c == ']') depth--;
            if (depth < 0) break;
        }
        if (depth != 0) throw new IllegalArgumentException("unbalanced brackets in " + expression);
        return expression;
    }
}
