package io.crmkit.benchmarks.support;

import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.PipelineDefinition;
import io.crmkit.pipeline.PipelineSettings;
import io.crmkit.pipeline.Stage;
import io.crmkit.pipeline.StageDefinition;
import io.crmkit.pipeline.StageKind;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.IdGenerator;
import io.crmkit.shared.Money;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import io.crmkit.spi.CrmStorage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The deals of the pipeline-summary benchmarks: one pipeline of 8 stages (six open ones, won, lost), deals spread
 * over its stages (60 % open, 20 % won, 20 % lost), 90 % in EUR and 10 % in USD, amounts from 100.00 to 50,099.99,
 * generated from a fixed seed.
 */
public final class Deals {

    /** The number of stages of the benchmark pipeline. */
    public static final int STAGES = 8;
    /** The seed of the deals every benchmark generates. */
    public static final long SEED = 20261125L;

    private Deals() {
    }

    /** One deal, as neutral data: the stage is an index into the pipeline's stages. */
    public record Row(int customer, int stage, BigDecimal amount, String currency, LocalDate expectedClose,
                      String owner) {
    }

    /** The benchmark pipeline's definition. */
    public static PipelineDefinition pipeline() {
        return PipelineDefinition.named("Wholesale")
                .stage(StageDefinition.open("Lead in", 5))
                .stage(StageDefinition.open("Qualified", 10))
                .stage(StageDefinition.open("Demo", 25))
                .stage(StageDefinition.open("Proposal", 50))
                .stage(StageDefinition.open("Negotiation", 75))
                .stage(StageDefinition.open("Verbal yes", 90))
                .stage(StageDefinition.won("Won"))
                .stage(StageDefinition.lost("Lost"))
                .build();
    }

    /** {@code count} deals of {@code customers} customers. */
    public static List<Row> rows(int count, int customers, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>(count);
        LocalDate start = LocalDate.of(2026, 1, 1);
        for (int k = 0; k < count; k++) {
            int pick = random.nextInt(100);
            int stage = pick < 60 ? pick / 10 : pick < 80 ? 6 : 7;
            BigDecimal amount = BigDecimal.valueOf(10_000 + random.nextLong(5_000_000), 2);
            rows.add(new Row(k % customers, stage, amount, random.nextInt(10) == 0 ? "USD" : "EUR",
                    start.plusDays(random.nextInt(730)), "rep-" + (k % 40)));
        }
        return rows;
    }

    /**
     * Stores {@code rows} through crmkit's storage SPI ({@code DealStore.insert}, which also keeps the adapter's
     * running stage totals), a thousand deals per unit of work: deals as {@code Deals.open}, {@code win} and
     * {@code lose} leave them, without their history (which the summary does not read). Much faster than the public
     * API for a million deals; the pipeline itself is defined through the public API.
     */
    public static void insertAll(CrmStorage storage, Pipeline pipeline, List<Row> rows, CustomerId[] customers) {
        TenantId tenant = TenantId.of(CrmkitSetup.TENANT);
        List<Stage> stages = pipeline.stages();
        Stage firstOpen = pipeline.firstStage(StageKind.OPEN);
        IdGenerator ids = IdGenerator.uuidV7(Clock.systemUTC());
        String reason = PipelineSettings.DEFAULT_LOST_REASONS.get(0);
        for (int from = 0; from < rows.size(); from += 1000) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + 1000));
            int offset = from;
            storage.inTransaction(tenant, tx -> {
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                int k = offset;
                for (Row row : chunk) {
                    Stage stage = stages.get(row.stage());
                    Deal deal = Deal.open(new DealId(ids.next()), tenant, "Deal " + k++, customers[row.customer()],
                            new UserId(row.owner()), Money.of(row.amount().toPlainString(), row.currency()),
                            row.expectedClose(), pipeline.id(), stage.kind() == StageKind.OPEN ? stage : firstOpen,
                            null, null, null, now);
                    if (stage.kind() == StageKind.WON) {
                        deal = deal.win(stage, now);
                    } else if (stage.kind() == StageKind.LOST) {
                        deal = deal.lose(stage, reason, null, now);
                    }
                    storage.deals().insert(tenant, deal);
                }
                return null;
            });
        }
    }
}
