package io.intelligencecrm.web.bench;

import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.web.CrmApplication;
import io.intelligencecrm.web.slack.FakeSlack;
import io.intelligencecrm.web.slack.SignedSlackClient;
import io.intelligencecrm.web.testing.ApiClient;
import io.intelligencecrm.web.testing.DemoLogins;
import io.intelligencecrm.web.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * ./crm bench slack — Slack's Events API from the outside: a signed mention is acknowledged (Slack
 * gives up after 3 s and retries), then the offline agent answers and the reply reaches a local
 * server speaking Slack's Web API. One mention at a time measures acknowledgement and end to end;
 * a burst of concurrent mentions measures acknowledgement while agent turns are running.
 */
public final class SlackBenchmark {
    private static final String SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final int WARM_UP = 200;
    private static final int SEQUENTIAL = 500;
    private static final int BURST = 400;
    private static final int BURST_SENDERS = 16;

    private SlackBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        FakeSlack slack = new FakeSlack();
        slack.member("U0JORDAN", "jordan@demo.example");
        CrmApplication application = TestServer.start(Map.of("CRM_SLACK_API_URL", slack.url()));
        try {
            ApiClient.Response connected = DemoLogins.as(application, Role.ADMIN).send("PUT", "/api/slack", """
                    {"botToken": "%s", "signingSecret": "%s"}""".formatted(FakeSlack.TOKEN, SECRET), "application/json");
            if (connected.status() != 200) throw new IllegalStateException("connect failed: " + connected.body());
            SignedSlackClient client = new SignedSlackClient(application.url(), SECRET);

            sequential(slack, client, "warm", WARM_UP);
            long[][] measured = sequential(slack, client, "seq", SEQUENTIAL);
            LatencyStats ack = new LatencyStats("ack, one at a time", SEQUENTIAL, sum(measured[0]) / 1e9, measured[0]);
            LatencyStats reply = new LatencyStats("mention -> reply in thread", SEQUENTIAL, sum(measured[1]) / 1e9,
                    measured[1]);
            LatencyStats burst = burst(slack, client);

            System.out.println();
            System.out.printf("offline model, demo tenant, rep asks \"show my open deals\" in a new thread each time%n");
            System.out.println(ack.line());
            System.out.println(reply.line());
            System.out.println(burst.line());
            boolean met = ack.percentileMillis(99) <= 100 && burst.percentileMillis(99) <= 1000;
            System.out.printf("targets: ack p99 <= 100 ms alone and <= 1000 ms during a burst (Slack allows 3 s) -> %s%n",
                    met ? "met" : "NOT met");
        } finally {
            application.stop();
            slack.close();
        }
    }

    /** @return acknowledgement and end-to-end nanoseconds per mention */
    private static long[][] sequential(FakeSlack slack, SignedSlackClient client, String prefix, int count) {
        long[] acks = new long[count];
        long[] replies = new long[count];
        for (int i = 0; i < count; i++) {
            String thread = "1900000000." + String.format("%06d", i);
            String channel = "C" + prefix.toUpperCase();
            long sent = System.nanoTime();
            HttpResponse<String> response = client.events(SignedSlackClient.mention(prefix + i, "U0JORDAN", channel,
                    thread, null, "show my open deals"));
            acks[i] = System.nanoTime() - sent;
            if (response.statusCode() != 200) throw new IllegalStateException("event refused: " + response.statusCode());
            replies[i] = awaitReply(slack, channel, thread) - sent;
        }
        return new long[][] {acks, replies};
    }

    private static LatencyStats burst(FakeSlack slack, SignedSlackClient client) throws Exception {
        long[] acks = new long[BURST];
        long started = System.nanoTime();
        try (ExecutorService senders = Executors.newFixedThreadPool(BURST_SENDERS)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                int index = i;
                sent.add(senders.submit(() -> {
                    long at = System.nanoTime();
                    HttpResponse<String> response = client.events(SignedSlackClient.mention("burst" + index, "U0JORDAN",
                            "CBURST", "1900000001." + String.format("%06d", index), null, "show my open deals"));
                    acks[index] = System.nanoTime() - at;
                    if (response.statusCode() != 200) throw new IllegalStateException("refused " + response.statusCode());
                }));
            }
            for (Future<?> future : sent) future.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        for (int i = 0; i < BURST; i++) awaitReply(slack, "CBURST", "1900000001." + String.format("%06d", i));
        System.out.printf("burst of %d mentions from %d senders: all %d replies posted after %.1f s%n", BURST,
                BURST_SENDERS, BURST, (System.nanoTime() - started) / 1e9);
        return new LatencyStats("ack during a burst", BURST, seconds, acks);
    }

    private static long awaitReply(FakeSlack slack, String channel, String thread) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Long at = slack.firstReplyNanos(channel, thread);
            if (at != null) return at;
            Thread.onSpinWait();
            try {
                Thread.sleep(0, 200_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no reply in " + channel + " " + thread);
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) total += value;
        return total;
    }
}
