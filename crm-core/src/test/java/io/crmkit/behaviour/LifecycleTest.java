package io.crmkit.behaviour;

import static io.crmkit.behaviour.Fixture.thrown;
import static io.crmkit.behaviour.Fixture.violationPaths;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.customer.LifecycleChange;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.LifecycleStageChanged;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.NotFoundException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("The lifecycle stage of a customer")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LifecycleTest {

    final Fixture f = new Fixture();

    Customer inStage(LifecycleStage stage) {
        return f.customers().register(CustomerRegistration.person("Sarah", null).lifecycleStage(stage).build());
    }

    @Nested
    class Moving_forward {

        @Test
        void to_the_next_stage_advances_at_the_next_version() {
            Customer sarah = inStage(LifecycleStage.LEAD);
            f.clock.advance(Duration.ofDays(1));

            LifecycleChange change = f.customers().advanceLifecycle(sarah.id(), LifecycleStage.MARKETING_QUALIFIED);

            assertThat(change).isInstanceOf(LifecycleChange.Advanced.class);
            var advanced = (LifecycleChange.Advanced) change;
            assertThat(advanced.from()).isEqualTo(LifecycleStage.LEAD);
            assertThat(advanced.to()).isEqualTo(LifecycleStage.MARKETING_QUALIFIED);
            assertThat(change.isRefused()).isFalse();
            assertThat(change.customer().lifecycleStage()).isEqualTo(LifecycleStage.MARKETING_QUALIFIED);
            assertThat(change.customer().version()).isEqualTo(2);
            assertThat(change.customer().updatedAt()).isEqualTo(f.now());
            assertThat(f.customers().get(sarah.id())).isEqualTo(change.customer());
        }

        @Test
        void may_skip_stages() {
            Customer sarah = inStage(LifecycleStage.SUBSCRIBER);

            LifecycleChange change = f.customers().advanceLifecycle(sarah.id(), LifecycleStage.EVANGELIST);

            assertThat(change).isInstanceOf(LifecycleChange.Advanced.class);
            assertThat(f.customers().get(sarah.id()).lifecycleStage()).isEqualTo(LifecycleStage.EVANGELIST);
        }

        @Test
        void to_the_current_stage_changes_nothing() {
            Customer sarah = inStage(LifecycleStage.OPPORTUNITY);
            f.events.clear();

            LifecycleChange change = f.customers().advanceLifecycle(sarah.id(), LifecycleStage.OPPORTUNITY);

            assertThat(change).isEqualTo(new LifecycleChange.Unchanged(sarah));
            assertThat(f.customers().get(sarah.id())).isEqualTo(sarah);
            assertThat(f.events).isEmpty();
        }

        @Test
        void of_an_unknown_customer_is_not_found() {
            var unknown = CustomerId.of(UUID.fromString("01890000-0000-7000-8000-000000000002"));

            thrown(NotFoundException.class, () -> f.customers().advanceLifecycle(unknown, LifecycleStage.CUSTOMER));
        }
    }

    @Nested
    class Moving_backwards {

        @Test
        void is_refused_as_a_value_with_a_reason_and_changes_nothing() {
            Customer sarah = inStage(LifecycleStage.CUSTOMER);
            f.events.clear();

            LifecycleChange change = f.customers().advanceLifecycle(sarah.id(), LifecycleStage.LEAD);

            assertThat(change.isRefused()).isTrue();
            var refused = (LifecycleChange.Refused) change;
            assertThat(refused.from()).isEqualTo(LifecycleStage.CUSTOMER);
            assertThat(refused.requested()).isEqualTo(LifecycleStage.LEAD);
            assertThat(refused.reason()).contains("CUSTOMER", "LEAD", "resetLifecycle");
            assertThat(refused.customer()).isEqualTo(sarah);
            assertThat(f.customers().get(sarah.id())).isEqualTo(sarah);
            assertThat(f.events).isEmpty();
        }

        @ParameterizedTest(name = "from EVANGELIST to {0}")
        @EnumSource(value = LifecycleStage.class, names = {"SUBSCRIBER", "LEAD", "MARKETING_QUALIFIED",
                "SALES_QUALIFIED", "OPPORTUNITY", "CUSTOMER"})
        void is_refused_from_the_last_stage_to_every_earlier_one(LifecycleStage earlier) {
            Customer sarah = inStage(LifecycleStage.EVANGELIST);

            assertThat(f.customers().advanceLifecycle(sarah.id(), earlier).isRefused()).isTrue();
            assertThat(f.customers().get(sarah.id()).lifecycleStage()).isEqualTo(LifecycleStage.EVANGELIST);
        }

        @Test
        void happens_only_through_an_explicit_reset_with_a_reason() {
            Customer sarah = inStage(LifecycleStage.CUSTOMER);
            f.clock.advance(Duration.ofHours(2));

            Customer reset = f.customers().resetLifecycle(sarah.id(), LifecycleStage.LEAD, "  imported twice  ");

            assertThat(reset.lifecycleStage()).isEqualTo(LifecycleStage.LEAD);
            assertThat(reset.version()).isEqualTo(2);
            assertThat(reset.updatedAt()).isEqualTo(f.now());
            assertThat(f.customers().get(sarah.id())).isEqualTo(reset);
            assertThat(f.events(LifecycleStageChanged.class)).singleElement().satisfies(e -> {
                assertThat(e.from()).isEqualTo(LifecycleStage.CUSTOMER);
                assertThat(e.to()).isEqualTo(LifecycleStage.LEAD);
                assertThat(e.reset()).isTrue();
                assertThat(e.reason()).isEqualTo("imported twice");
            });
        }

        @Test
        void by_reset_is_refused_without_a_reason_and_changes_nothing() {
            Customer sarah = inStage(LifecycleStage.CUSTOMER);

            assertThat(violationPaths(() -> f.customers().resetLifecycle(sarah.id(), LifecycleStage.LEAD, " ")))
                    .containsExactly("reason");
            assertThat(violationPaths(() -> f.customers().resetLifecycle(sarah.id(), LifecycleStage.LEAD, null)))
                    .containsExactly("reason");
            assertThat(f.customers().get(sarah.id())).isEqualTo(sarah);
        }

        @Test
        void by_reset_may_also_go_forward() {
            Customer sarah = inStage(LifecycleStage.LEAD);

            Customer reset = f.customers().resetLifecycle(sarah.id(), LifecycleStage.CUSTOMER, "signed the contract");

            assertThat(reset.lifecycleStage()).isEqualTo(LifecycleStage.CUSTOMER);
        }
    }

    @Nested
    class The_stage_OTHER_outside_the_order {

        @ParameterizedTest(name = "from {0}")
        @EnumSource(LifecycleStage.class)
        void may_be_entered_from_any_stage(LifecycleStage from) {
            Customer sarah = inStage(from);

            LifecycleChange change = f.customers().advanceLifecycle(sarah.id(), LifecycleStage.OTHER);

            assertThat(change.isRefused()).isFalse();
            assertThat(f.customers().get(sarah.id()).lifecycleStage()).isEqualTo(LifecycleStage.OTHER);
        }

        @ParameterizedTest(name = "to {0}")
        @EnumSource(value = LifecycleStage.class, names = "OTHER", mode = EnumSource.Mode.EXCLUDE)
        void is_left_only_by_a_reset(LifecycleStage to) {
            Customer sarah = inStage(LifecycleStage.OTHER);

            LifecycleChange change = f.customers().advanceLifecycle(sarah.id(), to);

            assertThat(change.isRefused()).isTrue();
            assertThat(((LifecycleChange.Refused) change).reason()).contains("reset");
            assertThat(f.customers().get(sarah.id()).lifecycleStage()).isEqualTo(LifecycleStage.OTHER);
            assertThat(f.customers().resetLifecycle(sarah.id(), to, "became a prospect").lifecycleStage())
                    .isEqualTo(to);
        }
    }
}
