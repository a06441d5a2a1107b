package io.intelligencecrm.webhooks.delivery;

import io.intelligencecrm.webhooks.network.AddressPolicy;
import io.intelligencecrm.webhooks.network.GuardedResolver;
import io.intelligencecrm.webhooks.network.RefusedAddressException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

/**
 * POSTs signed deliveries. Redirects are not followed (a 3xx is a failed attempt), connections go only
 * to addresses the policy permits (checked on every resolution), each attempt has one deadline from
 * connect to last byte, and at most a short excerpt of the receiver's answer is read. Thread-safe.
 */
public final class WebhookSender implements AutoCloseable {
    private static final int EXCERPT_BYTES = 500;

    private final HttpClient client;
    private final Duration timeout;

    /** What one attempt got: the receiver's status (null without an answer), its time, and why it failed. */
    public record Outcome(Integer status, int millis, String error) {
        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    public WebhookSender(AddressPolicy policy, Duration timeout) {
        this.timeout = timeout;
        this.client = new HttpClient();
        client.setFollowRedirects(false);
        client.setSocketAddressResolver(new GuardedResolver(policy));
        client.setConnectTimeout(timeout.toMillis());
        client.setIdleTimeout(timeout.toMillis());
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "IntelligenceCRM-Webhooks/1"));
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("the webhook HTTP client did not start", e);
        }
    }

    public Outcome post(URI url, Map<String, String> headers, byte[] body) {
        long started = System.nanoTime();
        Request request = client.newRequest(url).method(HttpMethod.POST).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .headers(fields -> headers.forEach(fields::put))
                .body(new BytesRequestContent("application/json", body));
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        try {
            Response response = listener.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String excerpt;
            try (InputStream content = listener.getInputStream()) {
                excerpt = new String(content.readNBytes(EXCERPT_BYTES), StandardCharsets.UTF_8);
            }
            int status = response.getStatus();
            boolean ok = status >= 200 && status < 300;
            return new Outcome(status, millis(started), ok ? null : "HTTP " + status + (status >= 300 && status < 400
                    ? " (redirects are not followed; use the final URL)" : excerpt.isBlank() ? "" : ": " + excerpt.strip()));
        } catch (TimeoutException e) {
            request.abort(e);
            return new Outcome(null, millis(started), "no answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new Outcome(null, millis(started), describe(e.getCause()));
        } catch (IOException e) {
            return new Outcome(null, millis(started), describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request.abort(e);
            return new Outcome(null, millis(started), "interrupted");
        }
    }

    private static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedAddressException refused) return refused.getMessage();
            if (cause instanceof TimeoutException) return "no answer in time";
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static int millis(long started) {
        return (int) ((System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            // Shutting down: nothing is waiting for the client any more.
        }
    }
}
