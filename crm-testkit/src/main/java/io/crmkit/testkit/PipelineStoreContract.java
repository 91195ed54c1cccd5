package io.crmkit.testkit;

import static io.crmkit.testkit.KitAssertions.assertReadsBack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.PipelineSettings;
import io.crmkit.pipeline.Stage;
import io.crmkit.pipeline.TransitionPolicy;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.Ids;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantViolationException;
import io.crmkit.spi.PipelineStore;
import io.crmkit.spi.Slice;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link PipelineStore}: a pipeline is stored whole, and every value of it (its stages in their order,
 * retired ones included, with their follow-ups) reads back unchanged; saves are optimistic; pipelines are listed by id
 * as unsigned numbers and paged by keyset; a tenant's {@link PipelineSettings} are saved with the same version rule
 * (version 1 only when none are stored); tenants never see each other's pipelines or settings.
 *
 * <pre>{@code
 * class JdbcPipelineStoreContractTest extends PipelineStoreContract {
 *     @Override
 *     protected CrmStorage createStorage() {
 *         return JdbcCrmStorage.create(dataSource);
 *     }
 * }
 * }</pre>
 *
 * See {@link AbstractStorageContract} for the life cycle of the storage and of the tenants the checks use.
 */
@DisplayName("PipelineStore contract")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class PipelineStoreContract extends AbstractStorageContract {

    /** For subclasses. */
    protected PipelineStoreContract() {
    }

    private PipelineStore pipelines() {
        return storage.pipelines();
    }

    private Pipeline insert(Pipeline pipeline) {
        pipelines().insert(tenant, pipeline);
        return pipeline;
    }

    private static Pipeline renamed(Pipeline p, long version, String name) {
        return new Pipeline(p.id(), p.tenantId(), version, name, p.policy(), p.stages(), p.createdAt(),
                p.updatedAt().plusSeconds(version));
    }

    @Nested
    @DisplayName("round trip: every value reads back unchanged")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class RoundTrip {

        @Test
        void a_pipeline_with_every_value_set_reads_back_equal_with_its_stages_in_order() {
            Pipeline full = insert(SalesFixtures.fullPipeline(tenant, SalesFixtures.pipelineId()));

            assertReadsBack(pipelines().find(tenant, full.id()), full);
            assertThat(pipelines().find(tenant, full.id()).orElseThrow().stages()).extracting(Stage::id)
                    .as("the stages keep their order").containsExactlyElementsOf(
                            full.stages().stream().map(Stage::id).toList());
        }

        @Test
        void a_minimal_pipeline_reads_back_equal() {
            Pipeline minimal = insert(SalesFixtures.minimalPipeline(tenant, SalesFixtures.pipelineId(), "P"));

            assertReadsBack(pipelines().find(tenant, minimal.id()), minimal);
        }

        @Test
        void an_update_replaces_every_value_and_removed_stages_are_gone() {
            Pipeline full = insert(SalesFixtures.fullPipeline(tenant, SalesFixtures.pipelineId()));
            Pipeline minimal = SalesFixtures.minimalPipeline(tenant, full.id(), "Renamed");
            Pipeline v2 = new Pipeline(full.id(), tenant, 2, "Renamed", TransitionPolicy.FREE, minimal.stages(),
                    full.createdAt(), full.updatedAt().plusSeconds(5));

            pipelines().update(tenant, v2);

            assertReadsBack(pipelines().find(tenant, full.id()), v2);
        }

        @Test
        void reordered_stages_read_back_in_the_new_order() {
            Pipeline full = insert(SalesFixtures.fullPipeline(tenant, SalesFixtures.pipelineId()));
            List<Stage> reversed = new ArrayList<>(full.stages());
            java.util.Collections.reverse(reversed);
            Pipeline v2 = new Pipeline(full.id(), tenant, 2, full.name(), full.policy(), reversed, full.createdAt(),
                    full.updatedAt());

            pipelines().update(tenant, v2);

            assertReadsBack(pipelines().find(tenant, full.id()), v2);
        }

        @Test
        void an_unknown_id_is_not_found() {
            insert(SalesFixtures.minimalPipeline(tenant, SalesFixtures.pipelineId(), "P"));

            assertThat(pipelines().find(tenant, SalesFixtures.pipelineId())).isEmpty();
        }

        @Test
        void inserting_an_id_that_exists_fails_with_a_storage_exception_and_keeps_the_first() {
            Pipeline first = insert(SalesFixtures.minimalPipeline(tenant, SalesFixtures.pipelineId(), "First"));

            assertThatThrownBy(() -> pipelines().insert(tenant,
                    SalesFixtures.minimalPipeline(tenant, first.id(), "Second")))
                    .isInstanceOf(StorageException.class);

            assertReadsBack(pipelines().find(tenant, first.id()), first);
        }
    }

    @Nested
    @DisplayName("optimistic locking")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class OptimisticLocking {

        @Test
        void an_update_at_the_next_version_is_stored() {
            Pipeline v1 = insert(SalesFixtures.minimalPipeline(tenant, SalesFixtures.pipelineId(), "P"));
            Pipeline v3 = renamed(v1, 3, "Three");

            pipelines().update(tenant, renamed(v1, 2, "Two"));
            pipelines().update(tenant, v3);

            assertReadsBack(pipelines().find(tenant, v1.id()), v3);
        }

        @Test
        void a_stale_or_skipping_update_fails_with_a_concurrent_modification_and_changes_nothing() {
            Pipeline v1 = insert(SalesFixtures.minimalPipeline(tenant, SalesFixtures.pipelineId(), "P"));
            Pipeline v2 = renamed(v1, 2, "Two");
            pipelines().update(tenant, v2);

            assertThatThrownBy(() -> pipelines().update(tenant, renamed(v1, 2, "Stale")))
                    .isInstanceOf(ConcurrentModificationException.class);
            assertThatThrownBy(() -> pipelines().update(tenant, renamed(v1, 4, "Skipped")))
                    .isInstanceOf(ConcurrentModificationException.class);

            assertReadsBack(pipelines().find(tenant, v1.id()), v2);
        }

        @Test
        void updating_a_pipeline_that_does_not_exist_fails_with_not_found() {
            Pipeline never = SalesFixtures.minimalPipeline(tenant, SalesFixtures.pipelineId(), "P");

            assertThatThrownBy(() -> pipelines().update(tenant, renamed(never, 2, "Two")))
                    .isInstanceOf(NotFoundException.class);
            assertThat(pipelines().find(tenant, never.id())).isEmpty();
        }
    }

    @Nested
    @DisplayName("listing with keyset paging")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class Listing {

        @Test
        void pipelines_are_listed_by_id_as_unsigned_numbers_without_skipping_or_repeating() {
            List<Pipeline> inserted = new ArrayList<>();
            for (long high : new long[] {0x7FFF_0000_0000_0000L, 0x8000_0000_0000_0000L, 0x0000_0000_0000_0001L,
                    0xFFFF_0000_0000_0000L, 0x1234_0000_0000_0000L}) {
                inserted.add(insert(SalesFixtures.minimalPipeline(tenant, new PipelineId(Fixtures.uuid(high)),
                        "P" + high)));
            }
            List<PipelineId> expected = inserted.stream().map(Pipeline::id)
                    .sorted((a, b) -> Ids.compare(a.value(), b.value())).toList();

            List<PipelineId> seen = SpiPaging.pipelines(storage, tenant, 2).stream().map(Pipeline::id).toList();

            assertThat(seen).containsExactlyElementsOf(expected);
        }

        @Test
        void an_empty_tenant_lists_nothing() {
            assertThat(pipelines().list(tenant, null, 10)).isEqualTo(Slice.empty());
        }
    }

    @Nested
    @DisplayName("settings")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class Settings {

        @Test
        void a_tenant_that_never_saved_settings_has_none() {
            assertThat(pipelines().settings(tenant)).isEmpty();
        }

        @Test
        void settings_read_back_equal_with_the_lost_reasons_in_their_order() {
            Pipeline p = insert(SalesFixtures.minimalPipeline(tenant, SalesFixtures.pipelineId(), "P"));
            PipelineSettings v1 = SalesFixtures.settings(tenant, 1, p.id(), List.of("Zu teuer", "Äpfel", "price"));

            pipelines().saveSettings(tenant, v1);

            assertReadsBack(pipelines().settings(tenant), v1);
        }

        @Test
        void later_versions_replace_the_settings_and_a_default_pipeline_can_be_unset() {
            PipelineSettings v1 = SalesFixtures.settings(tenant, 1, SalesFixtures.pipelineId(), List.of("A"));
            PipelineSettings v2 = SalesFixtures.settings(tenant, 2, null, List.of("B", "C"));
            pipelines().saveSettings(tenant, v1);

            pipelines().saveSettings(tenant, v2);

            assertReadsBack(pipelines().settings(tenant), v2);
        }

        @Test
        void a_second_first_version_or_a_stale_version_fails_and_changes_nothing() {
            PipelineSettings v1 = SalesFixtures.settings(tenant, 1, null, List.of("A"));
            pipelines().saveSettings(tenant, v1);

            assertThatThrownBy(() -> pipelines().saveSettings(tenant,
                    SalesFixtures.settings(tenant, 1, null, List.of("B"))))
                    .isInstanceOf(ConcurrentModificationException.class);
            assertThatThrownBy(() -> pipelines().saveSettings(tenant,
                    SalesFixtures.settings(tenant, 3, null, List.of("C"))))
                    .isInstanceOf(ConcurrentModificationException.class);

            assertReadsBack(pipelines().settings(tenant), v1);
        }

        @Test
        void a_later_version_without_stored_settings_fails() {
            assertThatThrownBy(() -> pipelines().saveSettings(tenant,
                    SalesFixtures.settings(tenant, 2, null, List.of("A"))))
                    .isInstanceOf(ConcurrentModificationException.class);
            assertThat(pipelines().settings(tenant)).isEmpty();
        }
    }

    @Nested
    @DisplayName("tenant isolation")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class Tenants {

        @Test
        void another_tenant_sees_neither_the_pipelines_nor_the_settings() {
            Pipeline p = insert(SalesFixtures.fullPipeline(tenant, SalesFixtures.pipelineId()));
            pipelines().saveSettings(tenant, SalesFixtures.settings(tenant, 1, p.id(), List.of("A")));

            assertThat(pipelines().find(otherTenant, p.id())).isEmpty();
            assertThat(pipelines().list(otherTenant, null, 10).items()).isEmpty();
            assertThat(pipelines().settings(otherTenant)).isEmpty();
            assertThatThrownBy(() -> pipelines().update(otherTenant, new Pipeline(p.id(), otherTenant, 2, "X",
                    p.policy(), p.stages(), p.createdAt(), p.updatedAt())))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        void the_same_pipeline_id_in_two_tenants_is_two_independent_pipelines() {
            PipelineId id = SalesFixtures.pipelineId();
            Pipeline mine = insert(SalesFixtures.minimalPipeline(tenant, id, "Mine"));
            Pipeline theirs = SalesFixtures.minimalPipeline(otherTenant, id, "Theirs");
            pipelines().insert(otherTenant, theirs);

            assertReadsBack(pipelines().find(tenant, id), mine);
            assertReadsBack(pipelines().find(otherTenant, id), theirs);
        }

        @Test
        void a_record_of_another_tenant_is_refused_and_nothing_is_stored() {
            Pipeline theirs = SalesFixtures.minimalPipeline(otherTenant, SalesFixtures.pipelineId(), "Theirs");

            assertThatThrownBy(() -> pipelines().insert(tenant, theirs)).isInstanceOf(TenantViolationException.class);
            assertThatThrownBy(() -> pipelines().saveSettings(tenant,
                    SalesFixtures.settings(otherTenant, 1, null, List.of("A"))))
                    .isInstanceOf(TenantViolationException.class);

            assertThat(pipelines().find(tenant, theirs.id())).isEmpty();
            assertThat(pipelines().find(otherTenant, theirs.id())).isEmpty();
            assertThat(pipelines().settings(tenant)).isEmpty();
        }
    }

    @Test
    void a_pipeline_written_in_a_rolled_back_unit_of_work_is_gone() {
        Pipeline p = SalesFixtures.minimalPipeline(tenant, SalesFixtures.pipelineId(), "P");

        assertThatThrownBy(() -> storage.inTransaction(tenant, tx -> {
            pipelines().insert(tenant, p);
            pipelines().saveSettings(tenant, SalesFixtures.settings(tenant, 1, p.id(), List.of("A")));
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(pipelines().find(tenant, p.id())).isEmpty();
        assertThat(pipelines().settings(tenant)).isEmpty();
    }
}
