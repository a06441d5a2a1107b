package io.intelligencecrm.scheduler.quartz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.intelligencecrm.agent.offline.OfflineModel;
import io.intelligencecrm.core.identity.Actor;
import io.intelligencecrm.core.tenant.TenantId;
import io.intelligencecrm.core.user.Role;
import io.intelligencecrm.core.user.User;
import io.intelligencecrm.core.user.UserRepository;
import io.intelligencecrm.core.user.UserService;
import io.intelligencecrm.core.workflow.Workflow;
import io.intelligencecrm.core.workflow.WorkflowSchedule;
import io.intelligencecrm.scheduler.testing.SchedulerFixture;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A cron workflow fires on its owner's local time: changing the owner's or the tenant's zone moves it. */
class ZoneChangeTest {
    private SchedulerFixture fixture;
    private TenantId tenant;
    private Actor admin;

    @BeforeEach
    void setUp() {
        fixture = new SchedulerFixture(new OfflineModel());
        tenant = fixture.outreach.tenant("zones");
        admin = fixture.outreach.user(tenant, "admin@zones.example", Role.ADMIN);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private Workflow mondayNine(Actor owner) {
        return fixture.scheduler.workflows().create(owner, Map.of("name", "Monday summary", "activate", true,
                "definition", Map.of("trigger", Map.of("type", "cron", "cron", "0 0 9 ? * MON"),
                        "steps", List.of(Map.of("id", "r", "type", "report", "report", "open_tasks")))));
    }

    private WorkflowSchedule.NextFiring next(Workflow workflow) {
        return fixture.scheduler.workflows().nextFiring(tenant, workflow).orElseThrow();
    }

    private static int localHour(WorkflowSchedule.NextFiring next) {
        return next.at().atZone(ZoneId.of(next.zone())).getHour();
    }

    @Test
    void changing_the_owners_zone_or_the_tenants_reschedules_existing_cron_workflows() {
        User follower = new UserRepository(fixture.outreach.database.tenants()).create(tenant, "rep@zones.example",
                "Rep", Role.REP, null, null);
        Actor rep = Actor.user(tenant, follower.id(), Role.REP);
        Workflow own = mondayNine(admin);
        Workflow follows = mondayNine(rep);
        assertEquals("UTC", next(own).zone());
        assertEquals("UTC", next(follows).zone(), "a user without a zone follows the tenant's, UTC by default");

        fixture.outreach.core.users().update(admin, admin.userId(),
                new UserService.UserChanges(null, null, "Asia/Tokyo", null));
        assertEquals("Asia/Tokyo", next(own).zone());
        assertEquals(9, localHour(next(own)));
        assertEquals("UTC", next(follows).zone(), "another user's workflow stays");

        fixture.outreach.core.tenantSettings().update(admin, Map.of("timezone", "America/New_York"));
        assertEquals("America/New_York", next(follows).zone());
        assertEquals(9, localHour(next(follows)));
        assertEquals("Asia/Tokyo", next(own).zone(), "a user's own zone wins over the tenant's");
        assertEquals("America/New_York", fixture.outreach.core.users().get(admin, rep.userId()).timezone());
    }
}
