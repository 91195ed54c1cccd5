package io.crmkit.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TaskId;
import io.crmkit.shared.TenantId;
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
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON forms of tasks and the task events: every value round-trips, in a stable, readable form. */
class TaskJsonTest {

    private static final TenantId TENANT = TenantId.of("shop-1");
    private static final Instant AT = Instant.parse("2024-05-01T10:15:30.123456Z");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final TaskId TASK = TaskId.of(UUID.fromString("0190a1b2-0000-7000-8000-000000000d01"));
    private static final CustomerId CUSTOMER = CustomerId.parse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    private static final LeadId LEAD = LeadId.of(UUID.fromString("0190a1b2-0000-7000-8000-0000000000cc"));
    private static final DealId DEAL = DealId.of(UUID.fromString("0190a1b2-0000-7000-8000-000000000c01"));
    private static final StageId STAGE = StageId.of(UUID.fromString("0190a1b2-0000-7000-8000-000000000b02"));
    private static final EventId EVENT = EventId.of(UUID.fromString("0190a1b2-0000-7000-8000-0000000000ee"));

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new CrmModule());

    static Task openTask() {
        return new Task(TASK, TENANT, 2, "Call Sarah about the \"wedding\" order", "Ask about\nthe ☕ candles",
                AT.plusSeconds(86_400), ALICE, TaskPriority.HIGH, CUSTOMER, LEAD, DEAL, TaskStatus.OPEN, null, null,
                AT.minusSeconds(60), AT);
    }

    static Task doneTask() {
        return new Task(TASK, TENANT, 3, "Call", null, AT, BOB, TaskPriority.LOW, null, null, null, TaskStatus.DONE,
                AT, ALICE, AT, AT);
    }

    static Stream<Object> values() {
        return Stream.of(
                TASK, TaskPriority.NORMAL, TaskStatus.CANCELLED,
                openTask(), doneTask(),
                new Task(TASK, TENANT, 1, "x", null, AT, ALICE, TaskPriority.NORMAL, null, null, null,
                        TaskStatus.CANCELLED, AT, BOB, AT, AT),
                NewTask.builder("Call Sarah", ALICE, AT).notes("n").priority(TaskPriority.HIGH).customer(CUSTOMER)
                        .lead(LEAD).deal(DEAL).build(),
                NewTask.builder("Call Sarah", ALICE, AT).build(),
                new NewTask(null, null, null, null, null, null, null, null),
                new TaskCreated(EVENT, TENANT, TASK, AT, "Follow up on proposal", ALICE, AT.plusSeconds(259_200),
                        TaskPriority.NORMAL, CUSTOMER, null, DEAL, STAGE),
                new TaskCreated(EVENT, TENANT, TASK, AT, "Call", BOB, AT, TaskPriority.LOW, null, LEAD, null, null),
                new TaskCompleted(EVENT, TENANT, TASK, AT, ALICE),
                new TaskCancelled(EVENT, TENANT, TASK, AT, BOB),
                new TaskRescheduled(EVENT, TENANT, TASK, AT, AT, AT.plusSeconds(3600)),
                new TaskReassigned(EVENT, TENANT, TASK, AT, ALICE, BOB));
    }

    @ParameterizedTest
    @MethodSource("values")
    void every_value_round_trips(Object value) throws Exception {
        String json = mapper.writeValueAsString(value);
        assertThat(mapper.readValue(json, value.getClass())).isEqualTo(value);
        if (value instanceof DomainEvent) {
            assertThat(mapper.readValue(json, DomainEvent.class)).isEqualTo(value);
        }
    }

    @ParameterizedTest
    @MethodSource("values")
    void forms_do_not_depend_on_the_host_mapper_configuration(Object value) throws Exception {
        ObjectMapper host = new ObjectMapper().registerModule(new CrmModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(SerializationFeature.WRITE_ENUMS_USING_INDEX);
        assertThat(host.writeValueAsString(value)).isEqualTo(mapper.writeValueAsString(value));
    }

    @Test
    void a_task_is_readable_json() throws Exception {
        assertThat(mapper.writeValueAsString(openTask())).isEqualTo("{\"id\":\"" + TASK + "\","
                + "\"tenantId\":\"shop-1\",\"version\":2,\"subject\":\"Call Sarah about the \\\"wedding\\\" order\","
                + "\"notes\":\"Ask about\\nthe ☕ candles\",\"dueAt\":\"2024-05-02T10:15:30.123456Z\","
                + "\"assignee\":\"alice\",\"priority\":\"HIGH\",\"customerId\":\"" + CUSTOMER + "\",\"leadId\":\""
                + LEAD + "\",\"dealId\":\"" + DEAL + "\",\"status\":\"OPEN\","
                + "\"createdAt\":\"2024-05-01T10:14:30.123456Z\",\"updatedAt\":\"2024-05-01T10:15:30.123456Z\"}");
        JsonNode done = mapper.valueToTree(doneTask());
        assertThat(done.get("completedBy").asText()).isEqualTo("alice");
        assertThat(done.has("notes")).isFalse();
        JsonNode created = mapper.valueToTree(new TaskCreated(EVENT, TENANT, TASK, AT, "Follow up", ALICE, AT,
                TaskPriority.NORMAL, CUSTOMER, null, DEAL, STAGE));
        assertThat(created.get("type").asText()).isEqualTo("TaskCreated");
        assertThat(created.get("followUpOf").asText()).isEqualTo(STAGE.toString());
        assertThat(created.has("leadId")).isFalse();
    }

    @Test
    void task_ids_are_map_keys() throws Exception {
        Map<TaskId, TaskStatus> statuses = Map.of(TASK, TaskStatus.DONE);
        String json = mapper.writeValueAsString(statuses);
        assertThat(json).isEqualTo("{\"" + TASK + "\":\"DONE\"}");
        assertThat(mapper.<Map<TaskId, TaskStatus>>readValue(json, new TypeReference<>() {
        })).isEqualTo(statuses);
    }

    @Test
    void malformed_task_json_is_refused_naming_the_field() throws Exception {
        String task = mapper.writeValueAsString(openTask());
        assertThatThrownBy(() -> mapper.readValue(task.replace("\"priority\":\"HIGH\"", "\"priority\":\"URGENT\""),
                Task.class)).isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("task.priority must be one of [LOW, NORMAL, HIGH]");
        assertThatThrownBy(() -> mapper.readValue(task.replace("\"dueAt\":\"2024-05-02T10:15:30.123456Z\"",
                "\"dueAt\":\"tomorrow\""), Task.class)).isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("task.dueAt must be an ISO-8601 instant");
        assertThatThrownBy(() -> mapper.readValue(task.replace("\"status\":\"OPEN\"", "\"status\":\"DONE\""),
                Task.class)).isInstanceOf(MismatchedInputException.class)
                .hasCauseInstanceOf(InvalidInputException.class).hasMessageContaining("completedAt");
        assertThatThrownBy(() -> mapper.readValue(task.replace("\"assignee\":\"alice\",", ""), Task.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("task.assignee is required");
        assertThatThrownBy(() -> mapper.readValue("{\"dealId\":42}", NewTask.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("newTask.dealId");
        String rescheduled = mapper.writeValueAsString(new TaskRescheduled(EVENT, TENANT, TASK, AT, AT, AT));
        assertThatThrownBy(() -> mapper.readValue(rescheduled.replace("\"to\":", "\"until\":"), DomainEvent.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("event.to is required");
    }
}
