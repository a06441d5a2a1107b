package io.intelligencecrm.outreach.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.intelligencecrm.core.contact.Contact;
import io.intelligencecrm.core.db.DatabaseCoordinates;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.outreach.testing.OutreachFixture;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A node is killed (a real separate JVM, halted) after the mail was committed to the outbox: before
 * it sent anything, or after the server accepted the mail but before the outbox row was settled.
 * Another node picks the message up once the dead node's lease ends; the recipient gets exactly
 * one mail either way. The five-minute lease is made to lapse by moving the row's lease end to now
 * instead of waiting.
 */
@Tag("slow")
class ExactlyOnceAfterCrashTest {
    private OutreachFixture fixture;
    private TenantId tenant;
    private Actor rep;

    @BeforeEach
    void setUp() {
        fixture = new OutreachFixture();
        tenant = fixture.tenant("crash");
        rep = fixture.user(tenant, "rep@crash.example", Role.REP);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"before-send", "after-send"})
    void a_node_killed_between_commit_and_settling_leaves_exactly_one_mail(String mode) throws Exception {
        Contact ada = fixture.contact(rep, "Ada", "ada@customer.example");
        fixture.outreach.emailQueue().toContact(rep, ada.id(), "Once", "Exactly once", "crash:" + UUID.randomUUID());

        assertEquals(137, runCrashingNode(mode), "the node died abruptly");
        assertEquals("processing", outboxStatus(), "the dead node's claim is still leased");
        assertEquals(mode.equals("after-send") ? 1 : 0, fixture.mail.getReceivedMessages().length);

        var survivor = fixture.dispatcher(fixture.outreach.emailDelivery());
        assertEquals(0, survivor.drain(), "nothing is taken over while the lease runs");
        fixture.database.tenants().useTenant(tenant, handle -> handle.createUpdate(
                "update outbox set available_at = now() where status = 'processing'").execute());
        survivor.drain();

        assertEquals(1, fixture.mail.getReceivedMessages().length, "exactly one mail");
        assertEquals("done", outboxStatus());
        assertEquals("sent", fixture.database.tenants().inTenant(tenant, handle -> handle.createQuery(
                "select metadata ->> 'delivery' from interactions where type = 'email'").mapTo(String.class).one()));
    }

    private String outboxStatus() {
        return fixture.database.tenants().inTenant(tenant, handle -> handle.createQuery(
                "select status from outbox").mapTo(String.class).one());
    }

    private int runCrashingNode(String mode) throws Exception {
        DatabaseCoordinates db = fixture.database.coordinates();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                CrashingDispatcher.class.getName(), db.url(), db.ownerUser(), db.ownerPassword(), db.appUser(),
                db.appPassword(), String.valueOf(fixture.mail.getSmtp().getPort()),
                Base64.getEncoder().encodeToString(fixture.secretKey), mode))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the crashing node did not finish");
        }
        return process.exitValue();
    }
}
