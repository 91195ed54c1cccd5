package io.crmkit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.customer.Customer;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.Money;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.UserId;
import io.crmkit.testing.ForAll;
import io.crmkit.testing.Gen;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of pipeline edits and deal moves, through the public API on the in-memory storage, never break an
 * invariant: every pipeline keeps an active OPEN, WON and LOST stage; every deal sits in an active stage of its
 * pipeline that matches its status; its history is complete and in order, and replaying it gives the deal's current
 * values; customers' lifecycle stages only move forward and reflect opened and won deals; the storage's summary, board,
 * period totals and stalled list equal a recomputation from the raw deals, exactly; and a refused step changes nothing
 * and publishes nothing. The invariants are checked after every step.
 */
@DisplayName("Pipelines and deals under random sequences of changes")
class PipelineStateProperties {

    private static final List<UserId> USERS = List.of(UserId.of("alice"), UserId.of("bob"), UserId.of("carol"));
    private static final List<String> CURRENCIES = List.of("EUR", "EUR", "JPY", "BHD", "USD");

    /** One step of a script: what it does, readable in a failure report. */
    record Step(String description, Consumer<World> action) {
        @Override
        public String toString() {
            return description;
        }
    }

    /** A generated sequence of steps. */
    record Script(List<Step> steps) {
        @Override
        public String toString() {
            return steps.toString();
        }

        World run() {
            World world = new World();
            world.check();
            for (Step step : steps) {
                step.action().accept(world);
                world.check();
            }
            return world;
        }
    }

    @Test
    @DisplayName("never break an invariant, and refused steps change nothing")
    void randomEditsAndMovesKeepEveryInvariant() {
        int[] totals = new int[4];  // steps, refusals, deals, closed deals
        ForAll.check(120, PipelineStateProperties::script, script -> {
            World end = script.run();
            totals[0] += script.steps().size();
            totals[1] += end.refusals;
            totals[2] += end.deals.size();
            totals[3] += (int) end.deals.stream().map(id -> end.f.crm.deals().get(id)).filter(d -> !d.isOpen())
                    .count();
        });
        // A property whose steps were all refused, or that never closed a deal, would prove little.
        assertThat(totals[1]).as("refused steps").isLessThan(totals[0] / 2);
        assertThat(totals[2]).as("deals opened").isGreaterThan(120);
        assertThat(totals[3]).as("deals closed").isGreaterThan(60);
    }

    static Script script(Random random) {
        List<Function<Random, Step>> weighted = new ArrayList<>();
        add(weighted, 2, PipelineStateProperties::definePipeline);
        add(weighted, 2, PipelineStateProperties::addStage);
        add(weighted, 2, PipelineStateProperties::retireStage);
        add(weighted, 1, PipelineStateProperties::reorder);
        add(weighted, 1, PipelineStateProperties::changePolicy);
        add(weighted, 5, PipelineStateProperties::openDeal);
        add(weighted, 6, PipelineStateProperties::moveStage);
        add(weighted, 2, PipelineStateProperties::overrideProbability);
        add(weighted, 1, PipelineStateProperties::clearOverride);
        add(weighted, 3, PipelineStateProperties::changeValue);
        add(weighted, 3, PipelineStateProperties::win);
        add(weighted, 3, PipelineStateProperties::lose);
        add(weighted, 3, PipelineStateProperties::reopen);
        add(weighted, 2, PipelineStateProperties::tick);
        return new Script(Gen.listOf(random, 0, 40, r -> weighted.get(r.nextInt(weighted.size())).apply(r)));
    }

    private static void add(List<Function<Random, Step>> weighted, int weight, Function<Random, Step> step) {
        for (int i = 0; i < weight; i++) {
            weighted.add(step);
        }
    }

    /** The system under test and what the model knows about it. */
    static final class World {
        final SalesFixture f = new SalesFixture();
        final List<PipelineId> pipelines = new ArrayList<>();
        final List<DealId> deals = new ArrayList<>();
        final List<CustomerId> customers = new ArrayList<>();
        final Map<CustomerId, LifecycleStage> lastSeen = new HashMap<>();
        final Set<CustomerId> hadDealOpened = new HashSet<>();
        final Set<CustomerId> hadDealWon = new HashSet<>();
        int refusals;

        World() {
            pipelines.add(f.sales().id());
            for (int i = 0; i < 3; i++) {
                Customer c = f.customer("Customer" + i);
                customers.add(c.id());
                lastSeen.put(c.id(), c.lifecycleStage());
            }
        }

        Pipeline pipeline(int index) {
            return f.crm.pipelines().get(pipelines.get(Math.floorMod(index, pipelines.size())));
        }

        Deal deal(int index) {
            return f.crm.deals().get(deals.get(Math.floorMod(index, deals.size())));
        }

        static StageId stageAt(Pipeline p, int index) {
            return p.stages().get(Math.floorMod(index, p.stages().size())).id();
        }

        /**
         * Runs one step. A refusal must be an {@link InvalidInputException} or {@link IllegalTransitionException}
         * and must leave everything as it was, with no event delivered.
         */
        void attempt(Runnable step) {
            List<Object> before = fingerprint();
            int events = f.events.size();
            try {
                step.run();
            } catch (InvalidInputException | IllegalTransitionException refused) {
                refusals++;
                assertThat(fingerprint()).as("state after refusal: %s", refused.getMessage()).isEqualTo(before);
                assertThat(f.events).as("events after refusal").hasSize(events);
            }
        }

        /** Everything a step could change. */
        private List<Object> fingerprint() {
            List<Object> all = new ArrayList<>();
            for (PipelineId id : pipelines) {
                all.add(f.crm.pipelines().get(id));
                all.add(f.crm.deals().summary(id));
            }
            for (DealId id : deals) {
                all.add(f.crm.deals().get(id));
                all.add(history(id).size());
                all.add(f.crm.tasks().ofDeal(id, PageRequest.first(PageRequest.MAX_SIZE)).items());
            }
            for (CustomerId id : customers) {
                all.add(f.crm.customers().get(id));
            }
            all.add(f.crm.pipelines().defaultPipeline());
            return all;
        }

        List<DealHistoryEntry> history(DealId id) {
            return all(p -> f.crm.deals().history(id, p));
        }

        static <T> List<T> all(Function<PageRequest, Page<T>> query) {
            List<T> out = new ArrayList<>();
            Page<T> page = query.apply(PageRequest.first(7));
            out.addAll(page.items());
            while (page.hasNext()) {
                page = query.apply(page.nextRequest().orElseThrow());
                out.addAll(page.items());
            }
            return out;
        }

        void check() {
            Map<PipelineId, Pipeline> byId = new HashMap<>();
            for (PipelineId id : pipelines) {
                Pipeline p = f.crm.pipelines().get(id);
                byId.put(id, p);
                for (StageKind kind : StageKind.values()) {
                    assertThat(p.activeStages()).as("active %s stages of %s", kind, p.name())
                            .anyMatch(s -> s.kind() == kind);
                }
            }
            Map<PipelineId, List<Deal>> dealsByPipeline = new HashMap<>();
            for (DealId id : deals) {
                Deal deal = f.crm.deals().get(id);
                dealsByPipeline.computeIfAbsent(deal.pipelineId(), k -> new ArrayList<>()).add(deal);
                Stage stage = byId.get(deal.pipelineId()).requireStage(deal.stageId());
                assertThat(stage.isActive()).as("deal %s in an active stage", id).isTrue();
                assertThat(deal.status()).isEqualTo(DealStatus.of(stage.kind()));
                checkHistory(deal);
            }
            for (CustomerId id : customers) {
                LifecycleStage now = f.crm.customers().get(id).lifecycleStage();
                assertThat(lastSeen.get(id).isAfter(now)).as("lifecycle of %s went back from %s to %s", id,
                        lastSeen.get(id), now).isFalse();
                if (hadDealOpened.contains(id)) {
                    assertThat(LifecycleStage.OPPORTUNITY.isAfter(now)).as("lifecycle after an opened deal").isFalse();
                }
                if (hadDealWon.contains(id)) {
                    assertThat(LifecycleStage.CUSTOMER.isAfter(now)).as("lifecycle after a won deal").isFalse();
                }
                lastSeen.put(id, now);
            }
            for (Pipeline p : byId.values()) {
                checkFigures(p, dealsByPipeline.getOrDefault(p.id(), List.of()));
            }
        }

        /** Complete, ordered, append-only: replaying the history gives the deal's current values. */
        private void checkHistory(Deal deal) {
            List<DealHistoryEntry> newestFirst = history(deal.id());
            assertThat(newestFirst).as("one entry per version of %s", deal.id()).hasSize((int) deal.version());
            List<DealHistoryEntry> oldestFirst = new ArrayList<>(newestFirst);
            Collections.reverse(oldestFirst);
            DealSnapshot replayed = null;
            for (int i = 0; i < oldestFirst.size(); i++) {
                DealHistoryEntry e = oldestFirst.get(i);
                assertThat(e.version()).isEqualTo(i + 1);
                assertThat(e.before()).isEqualTo(replayed);
                if (i > 0) {
                    assertThat(e.at()).isAfterOrEqualTo(oldestFirst.get(i - 1).at());
                    assertThat(e.kind().isStageChange()).isEqualTo(!e.before().stageId().equals(e.after().stageId()));
                }
                replayed = e.after();
            }
            assertThat(replayed).as("replayed history of %s", deal.id()).isEqualTo(deal.snapshot());
        }

        /** The storage's figures equal a recomputation from the raw deals. */
        private void checkFigures(Pipeline p, List<Deal> raw) {
            PipelineSummary summary = f.crm.deals().summary(p.id());
            Map<StageId, List<Deal>> byStage = new LinkedHashMap<>();
            raw.forEach(d -> byStage.computeIfAbsent(d.stageId(), k -> new ArrayList<>()).add(d));
            assertThat(summary.stages()).extracting(StageSummary::stage).isEqualTo(p.activeStages());
            for (StageSummary s : summary.stages()) {
                List<Deal> inStage = byStage.getOrDefault(s.stage().id(), List.of());
                assertThat(s.totals()).as("summary of stage %s", s.stage().name()).isEqualTo(DealTotals.of(inStage));
                assertThat(all(page -> f.crm.deals().board(p.id(), s.stage().id(), page))).extracting(Deal::id)
                        .containsExactlyElementsOf(inStage.stream().map(Deal::id).sorted().toList());
            }
            LocalDate from = LocalDate.of(2026, 1, 1);
            LocalDate to = LocalDate.of(2026, 12, 31);
            PeriodTotals totals = f.crm.deals().totals(p.id(), from, to, ZoneOffset.UTC);
            assertThat(totals.open()).isEqualTo(DealTotals.of(raw.stream().filter(Deal::isOpen)
                    .filter(d -> !d.expectedCloseDate().isBefore(from) && !d.expectedCloseDate().isAfter(to))
                    .toList()));
            assertThat(totals.won()).isEqualTo(DealTotals.of(raw.stream()
                    .filter(d -> d.status() == DealStatus.WON).toList()));
            assertThat(totals.lost()).isEqualTo(DealTotals.of(raw.stream()
                    .filter(d -> d.status() == DealStatus.LOST).toList()));
            var cutoff = f.clock.instant().minus(Duration.ofDays(2));
            List<DealId> stalled = new ArrayList<>();
            for (Stage stage : p.activeStages()) {
                if (stage.isOpen()) {
                    byStage.getOrDefault(stage.id(), List.of()).stream()
                            .filter(d -> d.stageEnteredAt().isBefore(cutoff))
                            .sorted(Comparator.comparing(Deal::stageEnteredAt).thenComparing(Deal::id))
                            .forEach(d -> stalled.add(d.id()));
                }
            }
            assertThat(all(page -> f.crm.deals().stalled(p.id(), StalledThresholds.days(2), page)))
                    .extracting(Deal::id).isEqualTo(stalled);
        }
    }

    // ------------------------------------------------------------------------------------------------ steps

    private static Step step(String description, Consumer<World> action) {
        return new Step(description, w -> w.attempt(() -> action.accept(w)));
    }

    /** A step on an existing deal; skipped while there is none. */
    private static Step onDeal(String description, int deal, java.util.function.BiConsumer<World, Deal> action) {
        return new Step(description, w -> {
            if (!w.deals.isEmpty()) {
                w.attempt(() -> action.accept(w, w.deal(deal)));
            }
        });
    }

    private static Money money(String currency, int units) {
        return Money.of(BigDecimal.valueOf(units, Money.currency(currency).getDefaultFractionDigits()),
                Money.currency(currency));
    }

    static Step definePipeline(Random r) {
        List<Integer> probabilities = Gen.listOf(r, 1, 4, x -> Gen.between(x, 0, 100));
        int wins = Gen.between(r, 1, 2);
        int losses = Gen.between(r, 1, 2);
        TransitionPolicy policy = Gen.oneOf(r, TransitionPolicy.values());
        boolean followUp = r.nextBoolean();
        return step("define pipeline " + probabilities + " " + wins + "W " + losses + "L " + policy, w -> {
            PipelineDefinition.Builder b = PipelineDefinition.named("P" + w.pipelines.size());
            for (int i = 0; i < probabilities.size(); i++) {
                StageDefinition s = StageDefinition.open("Open " + i, probabilities.get(i));
                b.stage(followUp && i == 0 ? s.followUp(FollowUp.of("Call", Duration.ofDays(1))) : s);
            }
            for (int i = 0; i < wins; i++) {
                b.stage(StageDefinition.won("Won " + i));
            }
            for (int i = 0; i < losses; i++) {
                b.stage(StageDefinition.lost("Lost " + i));
            }
            w.pipelines.add(w.f.crm.pipelines().define(b.policy(policy).build()).id());
        });
    }

    static Step addStage(Random r) {
        int pipeline = r.nextInt(8);
        StageKind kind = Gen.oneOf(r, StageKind.values());
        int probability = Gen.between(r, 0, 100);
        int position = Gen.between(r, -1, 8);
        return step("add a " + kind + " stage at " + position + " to pipeline #" + pipeline, w -> {
            Pipeline p = w.pipeline(pipeline);
            StageDefinition d = new StageDefinition("S" + p.stages().size(), kind,
                    kind == StageKind.OPEN ? probability : null, null, null);
            if (position < 0) {
                w.f.crm.pipelines().addStage(p.id(), p.version(), d);
            } else {
                w.f.crm.pipelines().addStage(p.id(), p.version(), d, position);
            }
        });
    }

    static Step retireStage(Random r) {
        int pipeline = r.nextInt(8);
        int stage = r.nextInt(12);
        int target = r.nextInt(12);
        boolean withTarget = r.nextInt(3) > 0;
        return step("retire stage #" + stage + " of pipeline #" + pipeline + (withTarget ? " into #" + target : ""),
                w -> {
                    Pipeline p = w.pipeline(pipeline);
                    if (withTarget) {
                        w.f.crm.pipelines().retireStage(p.id(), p.version(), World.stageAt(p, stage),
                                World.stageAt(p, target), USERS.get(2));
                    } else {
                        w.f.crm.pipelines().retireStage(p.id(), p.version(), World.stageAt(p, stage), USERS.get(2));
                    }
                });
    }

    static Step reorder(Random r) {
        int pipeline = r.nextInt(8);
        long seed = r.nextLong();
        return step("reorder pipeline #" + pipeline, w -> {
            Pipeline p = w.pipeline(pipeline);
            List<StageId> order = new ArrayList<>(p.activeStages().stream().map(Stage::id).toList());
            Collections.shuffle(order, new Random(seed));
            w.f.crm.pipelines().reorderStages(p.id(), p.version(), order);
        });
    }

    static Step changePolicy(Random r) {
        int pipeline = r.nextInt(8);
        TransitionPolicy policy = Gen.oneOf(r, TransitionPolicy.values());
        return step("policy of pipeline #" + pipeline + " to " + policy, w -> {
            Pipeline p = w.pipeline(pipeline);
            w.f.crm.pipelines().changePolicy(p.id(), p.version(), policy);
        });
    }

    static Step openDeal(Random r) {
        int customer = r.nextInt(3);
        int pipeline = r.nextInt(8);
        int stage = r.nextInt(12);
        String currency = Gen.oneOf(r, CURRENCIES.toArray(new String[0]));
        int units = Gen.between(r, 0, 100_000);
        int override = Gen.between(r, -1, 100);
        int days = Gen.between(r, 0, 400);
        return step("open a deal of " + units + " " + currency + " units in stage #" + stage + " of pipeline #"
                + pipeline + (override >= 0 ? " at " + override + " %" : ""), w -> {
            Pipeline p = w.pipeline(pipeline);
            CustomerId c = w.customers.get(customer);
            Deal deal = w.f.crm.deals().open(DealOpening.builder(c, "Deal", USERS.get(0), money(currency, units),
                    LocalDate.of(2026, 1, 1).plusDays(days)).pipeline(p.id()).stage(World.stageAt(p, stage))
                    .probability(override < 0 ? null : override).build()).deal();
            w.deals.add(deal.id());
            w.hadDealOpened.add(c);
        });
    }

    static Step moveStage(Random r) {
        int deal = r.nextInt(16);
        int stage = r.nextInt(12);
        boolean keep = r.nextBoolean();
        return onDeal("move deal #" + deal + " to stage #" + stage + (keep ? " keeping its override" : ""), deal,
                (w, d) -> {
                    Pipeline p = w.f.crm.pipelines().get(d.pipelineId());
                    w.f.crm.deals().moveStage(d.id(), d.version(), World.stageAt(p, stage),
                            keep ? ProbabilityOnStageChange.KEEP_OVERRIDE : ProbabilityOnStageChange.STAGE_DEFAULT,
                            USERS.get(1));
                });
    }

    static Step overrideProbability(Random r) {
        int deal = r.nextInt(16);
        int probability = Gen.between(r, -5, 105);
        return onDeal("override the probability of deal #" + deal + " to " + probability, deal,
                (w, d) -> w.f.crm.deals().overrideProbability(d.id(), d.version(), probability, USERS.get(1)));
    }

    static Step clearOverride(Random r) {
        int deal = r.nextInt(16);
        return onDeal("clear the override of deal #" + deal, deal,
                (w, d) -> w.f.crm.deals().clearProbabilityOverride(d.id(), d.version(), USERS.get(0)));
    }

    static Step changeValue(Random r) {
        int deal = r.nextInt(16);
        int what = r.nextInt(3);
        int value = Gen.between(r, -10, 100_000);
        String currency = Gen.oneOf(r, CURRENCIES.toArray(new String[0]));
        String[] names = {"amount", "close date", "owner"};
        return onDeal("change the " + names[what] + " of deal #" + deal + " by " + value + " (" + currency + ")", deal,
                (w, d) -> {
                    if (what == 0) {
                        w.f.crm.deals().changeAmount(d.id(), d.version(), money(currency, value), USERS.get(1));
                    } else if (what == 1) {
                        w.f.crm.deals().changeExpectedCloseDate(d.id(), d.version(),
                                LocalDate.of(2026, 1, 1).plusDays(Math.floorMod(value, 500)), USERS.get(1));
                    } else {
                        w.f.crm.deals().changeOwner(d.id(), d.version(), USERS.get(Math.floorMod(value, 3)),
                                USERS.get(1));
                    }
                });
    }

    static Step win(Random r) {
        int deal = r.nextInt(16);
        int stage = r.nextInt(12);
        boolean named = r.nextBoolean();
        return onDeal("win deal #" + deal + (named ? " into stage #" + stage : ""), deal, (w, d) -> {
            Pipeline p = w.f.crm.pipelines().get(d.pipelineId());
            if (named) {
                w.f.crm.deals().win(d.id(), d.version(), World.stageAt(p, stage), USERS.get(0));
            } else {
                w.f.crm.deals().win(d.id(), d.version(), USERS.get(0));
            }
            w.hadDealWon.add(d.customerId());
        });
    }

    static Step lose(Random r) {
        int deal = r.nextInt(16);
        String reason = Gen.oneOf(r, "Price", "timing", "Bad luck");
        String note = Gen.oneOf(r, "", "  ", "went elsewhere");
        return onDeal("lose deal #" + deal + " for '" + reason + "'", deal, (w, d) -> w.f.crm.deals()
                .lose(d.id(), d.version(), DealLoss.because(reason, USERS.get(0)).note(note)));
    }

    static Step reopen(Random r) {
        int deal = r.nextInt(16);
        int stage = r.nextInt(12);
        return onDeal("reopen deal #" + deal + " into stage #" + stage, deal, (w, d) -> {
            Pipeline p = w.f.crm.pipelines().get(d.pipelineId());
            w.f.crm.deals().reopen(d.id(), d.version(), World.stageAt(p, stage), USERS.get(2));
        });
    }

    static Step tick(Random r) {
        int minutes = Gen.between(r, 1, 5 * 24 * 60);
        return new Step("advance the clock by " + minutes + " min",
                w -> w.f.clock.advance(Duration.ofMinutes(minutes)));
    }
}
