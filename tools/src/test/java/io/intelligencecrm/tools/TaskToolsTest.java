package io.intelligencecrm.tools;

import static io.intelligencecrm.tools.ToolFixture.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.intelligencecrm.core.error.CrmException;
import io.intelligencecrm.tools.task.TaskReadTools;
import io.intelligencecrm.tools.task.TaskWriteTools;
import io.intelligencecrm.tools.task.TaskWriteTools.TaskSaved;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskToolsTest {
    private final ToolFixture fixture = ToolFixture.get();
    private final TaskWriteTools write = new TaskWriteTools(fixture.services);
    private final TaskReadTools read = new TaskReadTools(fixture.services);

    @Test
    void a_reminder_about_a_contact_is_due_on_the_day_or_at_the_time_given() {
        UUID contact = fixture.freshContactsOwnedBy(fixture.rep, 1).getFirst();
        TaskSaved onDay = write.createTask("Follow up with the lead", "tomorrow", contact.toString(), null, null,
                as(fixture.rep));
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/London")).plusDays(1);
        assertEquals(tomorrow.toString(), onDay.task().due());
        assertEquals(contact, onDay.task().contactId());
        assertEquals("open", onDay.task().state());
        TaskSaved atTime = write.createTask("Call about the renewal", tomorrow + "T15:00", null, null, "bring numbers",
                as(fixture.rep));
        assertEquals(tomorrow + " 15:00", atTime.task().due(), "shown in the user's zone as typed");

        TableResult mine = read.listTasks(null, "tomorrow", null, as(fixture.rep));
        assertTrue(mine.rows().stream().anyMatch(row -> row.get(0).equals(onDay.task().id().toString())));
        assertTrue(mine.rows().stream().anyMatch(row -> row.get(0).equals(atTime.task().id().toString())));

        assertEquals("done", write.completeTask(onDay.task().id().toString(), as(fixture.rep)).task().state());
        assertTrue(read.listTasks("open", null, true, as(fixture.rep)).rows().stream()
                .noneMatch(row -> row.get(0).equals(onDay.task().id().toString())));
    }

    @Test
    void a_rep_asking_for_the_teams_tasks_gets_their_own_with_a_note_and_a_manager_gets_the_team() {
        TaskSaved repTask = write.createTask("Rep only task", null, null, null, null, as(fixture.rep));
        TableResult repView = read.listTasks(null, null, false, as(fixture.rep));
        assertTrue(repView.note().contains("Reps see only their own tasks"), repView.note());
        TableResult team = read.listTasks("all", null, false, as(fixture.manager));
        assertEquals("Team tasks", team.title());
        assertTrue(team.rows().stream().anyMatch(row -> row.get(0).equals(repTask.task().id().toString())));
    }

    @Test
    void overdue_lists_only_open_tasks_past_due_and_bad_dates_say_how_to_write_them() {
        TaskSaved late = write.createTask("Overdue thing", "2020-01-02", null, null, null, as(fixture.manager));
        TableResult overdue = read.listTasks(null, "overdue", true, as(fixture.manager));
        assertTrue(overdue.rows().stream().allMatch(row -> row.get(3).equals("overdue")));
        assertTrue(overdue.rows().stream().anyMatch(row -> row.get(0).equals(late.task().id().toString())));
        CrmException refused = assertThrows(CrmException.class,
                () -> write.createTask("Someday", "when pigs fly", null, null, null, as(fixture.rep)));
        assertTrue(refused.getMessage().contains("2026-05-01T15:00"), refused.getMessage());
        assertThrows(CrmException.class, () -> write.completeTask(late.task().id().toString(), as(fixture.rep)),
                "a rep cannot complete a manager's task");
    }
}
