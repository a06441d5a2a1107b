package io.intelligencecrm.web.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One operation through the API and through raw JDBC, at several client concurrencies. At each
 * level both sides run in rounds that alternate which goes first, so a change in machine load lands
 * on both. Throughput is compared peak to peak, each side at the concurrency that suits it best: with
 * few clients the HTTP server leaves CPU idle between a request's hops.
 */
final class Comparison {
    private static final int ROUNDS = 4;

    private record Level(int threads, MeasuredSide api, MeasuredSide jdbc) {
    }

    private final String name;
    private final List<Level> levels = new ArrayList<>();

    private Comparison(String name) {
        this.name = name;
    }

    /** Operations are numbered from 0 up, never twice, so writes can derive unique values from the number. */
    static Comparison run(String name, int[] concurrencies, int operations, ConcurrentRun.Operation api,
                          ConcurrentRun.Operation jdbc, Runnable settle) throws InterruptedException {
        Comparison comparison = new Comparison(name);
        int perRound = operations / ROUNDS;
        int next = 0;
        for (int threads : concurrencies) {
            Level level = new Level(threads, new MeasuredSide("API " + name + " x" + threads),
                    new MeasuredSide("JDBC " + name + " x" + threads));
            for (int round = 0; round < ROUNDS; round++) {
                boolean apiFirst = round % 2 == 0;
                settle.run();
                (apiFirst ? level.api() : level.jdbc()).round(threads, next, perRound, apiFirst ? api : jdbc);
                settle.run();
                (apiFirst ? level.jdbc() : level.api()).round(threads, next, perRound, apiFirst ? jdbc : api);
                next += perRound;
            }
            comparison.levels.add(level);
            System.out.println(level.api().line());
            System.out.println(level.jdbc().line());
        }
        return comparison;
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Level level : levels) {
            lines.add(level.api().line());
            lines.add(level.jdbc().line());
        }
        return lines;
    }

    String peakShare() {
        Level api = peak(true);
        Level jdbc = peak(false);
        double apiOps = api.api().stats().throughput();
        double jdbcOps = jdbc.jdbc().stats().throughput();
        return String.format("%s %.0f%% (API %,.0f ops/s with %d clients, JDBC %,.0f ops/s with %d)", name,
                100 * apiOps / jdbcOps, apiOps, api.threads(), jdbcOps, jdbc.threads());
    }

    private Level peak(boolean api) {
        Level best = levels.getFirst();
        for (Level level : levels) {
            if (side(level, api).stats().throughput() > side(best, api).stats().throughput()) best = level;
        }
        return best;
    }

    private static MeasuredSide side(Level level, boolean api) {
        return api ? level.api() : level.jdbc();
    }
}
