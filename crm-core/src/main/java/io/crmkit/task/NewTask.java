package io.crmkit.task;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.UserId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A task to create.
 *
 * <pre>{@code
 * NewTask call = NewTask.builder("Call Sarah about the wedding order", alice, dueAt)
 *         .customer(sarah.id())
 *         .priority(TaskPriority.HIGH)
 *         .build();
 * }</pre>
 *
 * @param subject    what is to be done, 1 to {@value Task#MAX_SUBJECT_LENGTH} characters
 * @param notes      details, at most {@value Task#MAX_NOTES_LENGTH} characters, or null
 * @param dueAt      when it is due
 * @param assignee   who is to do it
 * @param priority   how urgent; {@link TaskPriority#NORMAL} if null
 * @param customerId the customer it is about, or null
 * @param leadId     the lead it is about, or null
 * @param dealId     the deal it is about, or null
 */
public record NewTask(
        @NotBlank @Size(max = Task.MAX_SUBJECT_LENGTH) String subject,
        @Size(max = Task.MAX_NOTES_LENGTH) String notes,
        @NotNull Instant dueAt,
        @NotNull UserId assignee,
        TaskPriority priority,
        CustomerId customerId,
        LeadId leadId,
        DealId dealId) {

    /** Starts a task with what every task has. */
    public static Builder builder(String subject, UserId assignee, Instant dueAt) {
        return new Builder(subject, assignee, dueAt);
    }

    /** Builds a {@link NewTask}; validated when submitted, not here. */
    public static final class Builder {
        private final String subject;
        private final UserId assignee;
        private final Instant dueAt;
        private String notes;
        private TaskPriority priority = TaskPriority.NORMAL;
        private CustomerId customerId;
        private LeadId leadId;
        private DealId dealId;

        private Builder(String subject, UserId assignee, Instant dueAt) {
            this.subject = subject;
            this.assignee = assignee;
            this.dueAt = dueAt;
        }

        public Builder notes(String notes) {
            this.notes = notes;
            return this;
        }

        public Builder priority(TaskPriority priority) {
            this.priority = priority;
            return this;
        }

        public Builder customer(CustomerId customerId) {
            this.customerId = customerId;
            return this;
        }

        public Builder lead(LeadId leadId) {
            this.leadId = leadId;
            return this;
        }

        public Builder deal(DealId dealId) {
            this.dealId = dealId;
            return this;
        }

        public NewTask build() {
            return new NewTask(subject, notes, dueAt, assignee, priority, customerId, leadId, dealId);
        }
    }
}
