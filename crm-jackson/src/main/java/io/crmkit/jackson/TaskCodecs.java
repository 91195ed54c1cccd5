package io.crmkit.jackson;

import static io.crmkit.jackson.JsonOut.enumValue;
import static io.crmkit.jackson.JsonOut.instant;
import static io.crmkit.jackson.JsonOut.text;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TaskId;
import io.crmkit.shared.UserId;
import io.crmkit.task.NewTask;
import io.crmkit.task.Task;
import io.crmkit.task.TaskCancelled;
import io.crmkit.task.TaskCompleted;
import io.crmkit.task.TaskCreated;
import io.crmkit.task.TaskPriority;
import io.crmkit.task.TaskReassigned;
import io.crmkit.task.TaskRescheduled;
import io.crmkit.task.TaskStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON forms of crmkit's tasks ({@link Task}, the request {@link NewTask}), the task enums and the task events,
 * in the forms of {@link PipelineCodecs}: objects named after their record components, ids as UUID strings, instants
 * as ISO-8601 instants in UTC, enums by name, absent values left out. A {@link NewTask} is a request, checked when it
 * is submitted: it is read as given, a missing value stays null. Internal to this module; {@link CrmModule} registers
 * them.
 */
final class TaskCodecs {

    private TaskCodecs() {
    }

    private static void user(JsonGenerator g, String field, UserId user) throws IOException {
        JsonOut.value(g, field, user, ValueCodecs.USER_ID);
    }

    private static void ids(JsonGenerator g, CustomerId customer, LeadId lead, DealId deal) throws IOException {
        JsonOut.value(g, "customerId", customer, ValueCodecs.CUSTOMER_ID);
        JsonOut.value(g, "leadId", lead, ValueCodecs.LEAD_ID);
        JsonOut.value(g, "dealId", deal, ValueCodecs.DEAL_ID);
    }

    static final Codec<Task> TASK = new Codec<>() {
        @Override
        public void write(JsonGenerator g, Task t) throws IOException {
            g.writeStartObject();
            JsonOut.value(g, "id", t.id(), ValueCodecs.TASK_ID);
            g.writeStringField("tenantId", t.tenantId().value());
            g.writeNumberField("version", t.version());
            g.writeStringField("subject", t.subject());
            text(g, "notes", t.notes());
            instant(g, "dueAt", t.dueAt());
            user(g, "assignee", t.assignee());
            enumValue(g, "priority", t.priority());
            ids(g, t.customerId(), t.leadId(), t.dealId());
            enumValue(g, "status", t.status());
            instant(g, "completedAt", t.completedAt());
            user(g, "completedBy", t.completedBy());
            instant(g, "createdAt", t.createdAt());
            instant(g, "updatedAt", t.updatedAt());
            g.writeEndObject();
        }

        @Override
        public Task read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "task");
            return new Task(in.id("id", TaskId::new), in.value("tenantId", ValueCodecs.TENANT_ID),
                    in.longValue("version"), in.text("subject"), in.optText("notes"), in.instant("dueAt"),
                    in.string("assignee", UserId::new), in.enumValue("priority", TaskPriority.class),
                    in.optId("customerId", CustomerId::new), in.optId("leadId", LeadId::new),
                    in.optId("dealId", DealId::new), in.enumValue("status", TaskStatus.class),
                    in.optInstant("completedAt"), in.optString("completedBy", UserId::new), in.instant("createdAt"),
                    in.instant("updatedAt"));
        }
    };

    static final Codec<NewTask> NEW_TASK = new Codec<>() {
        @Override
        public void write(JsonGenerator g, NewTask t) throws IOException {
            g.writeStartObject();
            text(g, "subject", t.subject());
            text(g, "notes", t.notes());
            instant(g, "dueAt", t.dueAt());
            user(g, "assignee", t.assignee());
            enumValue(g, "priority", t.priority());
            ids(g, t.customerId(), t.leadId(), t.dealId());
            g.writeEndObject();
        }

        @Override
        public NewTask read(JsonNode node) {
            JsonIn in = JsonIn.object(node, "newTask");
            return new NewTask(in.optText("subject"), in.optText("notes"), in.optInstant("dueAt"),
                    in.optString("assignee", UserId::new), in.optEnum("priority", TaskPriority.class),
                    in.optId("customerId", CustomerId::new), in.optId("leadId", LeadId::new),
                    in.optId("dealId", DealId::new));
        }
    };

    /** Adds the task events to {@code types}. */
    static void addEvents(Map<String, EventCodecs.EventType<?>> types) {
        EventCodecs.add(types, new EventCodecs.EventType<>("TaskCreated", TaskCreated.class, (g, e) -> {
            JsonOut.value(g, "taskId", e.taskId(), ValueCodecs.TASK_ID);
            text(g, "subject", e.subject());
            user(g, "assignee", e.assignee());
            instant(g, "dueAt", e.dueAt());
            enumValue(g, "priority", e.priority());
            ids(g, e.customerId(), e.leadId(), e.dealId());
            JsonOut.value(g, "followUpOf", e.followUpOf(), ValueCodecs.STAGE_ID);
        }, (in, id, tenant, at) -> new TaskCreated(id, tenant, taskId(in), at, in.text("subject"),
                in.string("assignee", UserId::new), in.instant("dueAt"), in.enumValue("priority", TaskPriority.class),
                in.optId("customerId", CustomerId::new), in.optId("leadId", LeadId::new),
                in.optId("dealId", DealId::new), in.optId("followUpOf", StageId::new))));
        EventCodecs.add(types, new EventCodecs.EventType<>("TaskCompleted", TaskCompleted.class, (g, e) -> {
            JsonOut.value(g, "taskId", e.taskId(), ValueCodecs.TASK_ID);
            user(g, "by", e.by());
        }, (in, id, tenant, at) -> new TaskCompleted(id, tenant, taskId(in), at, in.string("by", UserId::new))));
        EventCodecs.add(types, new EventCodecs.EventType<>("TaskCancelled", TaskCancelled.class, (g, e) -> {
            JsonOut.value(g, "taskId", e.taskId(), ValueCodecs.TASK_ID);
            user(g, "by", e.by());
        }, (in, id, tenant, at) -> new TaskCancelled(id, tenant, taskId(in), at, in.string("by", UserId::new))));
        EventCodecs.add(types, new EventCodecs.EventType<>("TaskRescheduled", TaskRescheduled.class, (g, e) -> {
            JsonOut.value(g, "taskId", e.taskId(), ValueCodecs.TASK_ID);
            instant(g, "from", e.from());
            instant(g, "to", e.to());
        }, (in, id, tenant, at) -> new TaskRescheduled(id, tenant, taskId(in), at, in.instant("from"),
                in.instant("to"))));
        EventCodecs.add(types, new EventCodecs.EventType<>("TaskReassigned", TaskReassigned.class, (g, e) -> {
            JsonOut.value(g, "taskId", e.taskId(), ValueCodecs.TASK_ID);
            user(g, "from", e.from());
            user(g, "to", e.to());
        }, (in, id, tenant, at) -> new TaskReassigned(id, tenant, taskId(in), at, in.string("from", UserId::new),
                in.string("to", UserId::new))));
    }

    private static TaskId taskId(JsonIn in) {
        return in.id("taskId", TaskId::new);
    }

    /** The task value types and their codecs, for {@link CrmModule} to register. */
    static List<Registration<?>> values() {
        List<Registration<?>> all = new ArrayList<>();
        all.add(new Registration<>(TaskPriority.class, ValueCodecs.enumName(TaskPriority.class)));
        all.add(new Registration<>(TaskStatus.class, ValueCodecs.enumName(TaskStatus.class)));
        all.add(new Registration<>(Task.class, TASK));
        all.add(new Registration<>(NewTask.class, NEW_TASK));
        return all;
    }
}
