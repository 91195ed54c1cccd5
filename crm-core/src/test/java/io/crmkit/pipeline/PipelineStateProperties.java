package io.crmkit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.customer.Customer;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.shared.CrmException;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Random sequences of pipeline edits and deal moves, through the public API on the in-memory storage, never break an
 * invariant: every pipeline keeps an active OPEN, WON and LOST stage; every deal sits in an active stage of its
 * pipeline that matches its status; its history is complete and in order, and replaying it gives the deal's current
 * values; customers' lifecycle stages only move forward and reflect opened and won deals; the storage's summary, board
 * and totals equal a recomputation from the raw deals, exactly; and a refused step changes nothing and publishes
 * nothing.
 */
class PipelineStateProperties {

    private static final List<UserId> USERS = List.of(UserId.of("alice"), UserId.of("bob"), UserId.of("carol"));
    private static final List<String> CURRENCIES = List.of("EUR", "EUR", "JPY", "BHD", "USD");

    @Property(tries = 120)
    void randomEditsAndMovesKeepEveryInvariant(@ForAll("chains") ActionChain<World> chain) {
        World end = chain.withInvariant("pipelines, deals, histories, lifecycles and money stay consistent",
                World::check).run();
        // Shows in the report how much the chains did: a property whose every step was refused would prove little.
        Statistics.label("deals").collect(end.deals.size() < 3 ? "0-2" : end.deals.size() < 8 ? "3-7" : "8+");
        Statistics.label("closed deals").collect(end.deals.stream().map(id -> end.f.crm.deals().get(id))
                .anyMatch(d -> !d.isOpen()) ? "some" : "none");
        Statistics.label("pipelines").collect(end.pipelines.size() > 1 ? "several" : "one");
    }

    @Provide
    Arbitrary<ActionChain<World>> chains() {
        return ActionChain.startWith(World::new)
                .withAction(2, new DefinePipeline())
                .withAction(2, new AddStage())
                .withAction(2, new RetireStage())
                .withAction(1, new Reorder())
                .withAction(1, new ChangePolicy())
                .withAction(5, new OpenDeal())
                .withAction(6, new MoveStage())
                .withAction(2, new OverrideProbability())
                .withAction(1, new ClearOverride())
                .withAction(3, new ChangeValue())
                .withAction(3, new Win())
                .withAction(3, new Lose())
                .withAction(3, new Reopen())
                .withAction(2, new Tick())
                .withMaxTransformations(40);
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
                            .sorted(java.util.Comparator.comparing(Deal::stageEnteredAt).thenComparing(Deal::id))
                            .forEach(d -> stalled.add(d.id()));
                }
            }
            assertThat(all(page -> f.crm.deals().stalled(p.id(), StalledThresholds.days(2), page)))
                    .extracting(Deal::id).isEqualTo(stalled);
        }
    }

    // ------------------------------------------------------------------------------------------------ actions

    static final class DefinePipeline implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            Arbitrary<List<Integer>> open = Arbitraries.integers().between(0, 100).list().ofMinSize(1).ofMaxSize(4);
            return Combinators.combine(open, Arbitraries.integers().between(1, 2), Arbitraries.integers().between(1, 2),
                    Arbitraries.of(TransitionPolicy.class), Arbitraries.of(true, false)).as((probs, wins, losses, policy,
                    follow) -> Transformer.mutate("define pipeline " + probs + " " + wins + "W " + losses + "L "
                    + policy, w -> w.attempt(() -> {
                        PipelineDefinition.Builder b = PipelineDefinition.named("P" + w.pipelines.size());
                        for (int i = 0; i < probs.size(); i++) {
                            StageDefinition s = StageDefinition.open("Open " + i, probs.get(i));
                            b.stage(follow && i == 0 ? s.followUp(FollowUp.of("Call", Duration.ofDays(1))) : s);
                        }
                        for (int i = 0; i < wins; i++) {
                            b.stage(StageDefinition.won("Won " + i));
                        }
                        for (int i = 0; i < losses; i++) {
                            b.stage(StageDefinition.lost("Lost " + i));
                        }
                        w.pipelines.add(w.f.crm.pipelines().define(b.policy(policy).build()).id());
                    })));
        }
    }

    static final class AddStage implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            return Combinators.combine(Arbitraries.integers(), Arbitraries.of(StageKind.class),
                    Arbitraries.integers().between(0, 100), Arbitraries.integers().between(-1, 8))
                    .as((pipeline, kind, probability, position) -> Transformer.mutate("add " + kind + " stage at "
                            + position + " to #" + pipeline, w -> w.attempt(() -> {
                        Pipeline p = w.pipeline(pipeline);
                        StageDefinition d = new StageDefinition("S" + p.stages().size(), kind,
                                kind == StageKind.OPEN ? probability : null, null, null);
                        if (position < 0) {
                            w.f.crm.pipelines().addStage(p.id(), p.version(), d);
                        } else {
                            w.f.crm.pipelines().addStage(p.id(), p.version(), d, position);
                        }
                    })));
        }
    }

    static final class RetireStage implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            return Combinators.combine(Arbitraries.integers(), Arbitraries.integers(), Arbitraries.integers(),
                    Arbitraries.of(true, false)).as((pipeline, stage, target, withTarget) -> Transformer.mutate(
                    "retire stage #" + stage + " of #" + pipeline + (withTarget ? " into #" + target : ""),
                    w -> w.attempt(() -> {
                        Pipeline p = w.pipeline(pipeline);
                        if (withTarget) {
                            w.f.crm.pipelines().retireStage(p.id(), p.version(), World.stageAt(p, stage),
                                    World.stageAt(p, target), USERS.get(2));
                        } else {
                            w.f.crm.pipelines().retireStage(p.id(), p.version(), World.stageAt(p, stage),
                                    USERS.get(2));
                        }
                    })));
        }
    }

    static final class Reorder implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            return Combinators.combine(Arbitraries.integers(), Arbitraries.longs()).as((pipeline, seed) ->
                    Transformer.mutate("reorder #" + pipeline, w -> w.attempt(() -> {
                        Pipeline p = w.pipeline(pipeline);
                        List<StageId> order = new ArrayList<>(p.activeStages().stream().map(Stage::id).toList());
                        Collections.shuffle(order, new Random(seed));
                        w.f.crm.pipelines().reorderStages(p.id(), p.version(), order);
                    })));
        }
    }

    static final class ChangePolicy implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            return Combinators.combine(Arbitraries.integers(), Arbitraries.of(TransitionPolicy.class)).as(
                    (pipeline, policy) -> Transformer.mutate("policy of #" + pipeline + " to " + policy,
                            w -> w.attempt(() -> {
                                Pipeline p = w.pipeline(pipeline);
                                w.f.crm.pipelines().changePolicy(p.id(), p.version(), policy);
                            })));
        }
    }

    static final class OpenDeal implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            return Combinators.combine(Arbitraries.integers(), Arbitraries.integers(), Arbitraries.integers(),
                    Arbitraries.of(CURRENCIES), Arbitraries.integers().between(0, 100_000),
                    Arbitraries.integers().between(-1, 100), Arbitraries.integers().between(0, 400))
                    .as((customer, pipeline, stage, currency, units, override, days) -> Transformer.mutate(
                            "open a deal of " + units + " " + currency + " in stage #" + stage + " of #" + pipeline,
                            w -> w.attempt(() -> {
                                Pipeline p = w.pipeline(pipeline);
                                CustomerId c = w.customers.get(Math.floorMod(customer, w.customers.size()));
                                Money amount = Money.of(java.math.BigDecimal.valueOf(units,
                                        Money.currency(currency).getDefaultFractionDigits()), Money.currency(currency));
                                Deal deal = w.f.crm.deals().open(DealOpening.builder(c, "Deal", USERS.get(0), amount,
                                        LocalDate.of(2026, 1, 1).plusDays(days)).pipeline(p.id())
                                        .stage(World.stageAt(p, stage)).probability(override < 0 ? null : override)
                                        .build()).deal();
                                w.deals.add(deal.id());
                                w.hadDealOpened.add(c);
                            })));
        }
    }

    /** An action on an existing deal. */
    abstract static class OnDeal implements Action.Dependent<World> {
        @Override
        public boolean precondition(World w) {
            return !w.deals.isEmpty();
        }
    }

    static final class MoveStage extends OnDeal {
        @Override
        public Arbitrary<Transformer<World>> transformer(World state) {
            return Combinators.combine(Arbitraries.integers(), Arbitraries.integers(), Arbitraries.of(true, false))
                    .as((deal, stage, keep) -> Transformer.mutate("move deal #" + deal + " to stage #" + stage
                            + (keep ? " keeping" : ""), w -> w.attempt(() -> {
                        Deal d = w.deal(deal);
                        Pipeline p = w.f.crm.pipelines().get(d.pipelineId());
                        w.f.crm.deals().moveStage(d.id(), d.version(), World.stageAt(p, stage),
                                keep ? ProbabilityOnStageChange.KEEP_OVERRIDE : ProbabilityOnStageChange.STAGE_DEFAULT,
                                USERS.get(1));
                    })));
        }
    }

    static final class OverrideProbability extends OnDeal {
        @Override
        public Arbitrary<Transformer<World>> transformer(World state) {
            return Combinators.combine(Arbitraries.integers(), Arbitraries.integers().between(-5, 105)).as(
                    (deal, probability) -> Transformer.mutate("override #" + deal + " to " + probability,
                            w -> w.attempt(() -> {
                                Deal d = w.deal(deal);
                                w.f.crm.deals().overrideProbability(d.id(), d.version(), probability, USERS.get(1));
                            })));
        }
    }

    static final class ClearOverride extends OnDeal {
        @Override
        public Arbitrary<Transformer<World>> transformer(World state) {
            return Arbitraries.integers().map(deal -> Transformer.mutate("clear override of #" + deal,
                    w -> w.attempt(() -> {
                        Deal d = w.deal(deal);
                        w.f.crm.deals().clearProbabilityOverride(d.id(), d.version(), USERS.get(0));
                    })));
        }
    }

    static final class ChangeValue extends OnDeal {
        @Override
        public Arbitrary<Transformer<World>> transformer(World state) {
            return Combinators.combine(Arbitraries.integers(), Arbitraries.integers().between(0, 2),
                    Arbitraries.integers().between(-10, 100_000), Arbitraries.of(CURRENCIES)).as(
                    (deal, what, value, currency) -> Transformer.mutate("change value " + what + " of #" + deal
                            + " to " + value, w -> w.attempt(() -> {
                        Deal d = w.deal(deal);
                        if (what == 0) {
                            Money amount = Money.of(java.math.BigDecimal.valueOf(value,
                                    Money.currency(currency).getDefaultFractionDigits()), Money.currency(currency));
                            w.f.crm.deals().changeAmount(d.id(), d.version(), amount, USERS.get(1));
                        } else if (what == 1) {
                            w.f.crm.deals().changeExpectedCloseDate(d.id(), d.version(),
                                    LocalDate.of(2026, 1, 1).plusDays(Math.floorMod(value, 500)), USERS.get(1));
                        } else {
                            w.f.crm.deals().changeOwner(d.id(), d.version(), USERS.get(Math.floorMod(value, 3)),
                                    USERS.get(1));
                        }
                    })));
        }
    }

    static final class Win extends OnDeal {
        @Override
        public Arbitrary<Transformer<World>> transformer(World state) {
            return Combinators.combine(Arbitraries.integers(), Arbitraries.integers(), Arbitraries.of(true, false))
                    .as((deal, stage, named) -> Transformer.mutate("win #" + deal, w -> w.attempt(() -> {
                        Deal d = w.deal(deal);
                        Pipeline p = w.f.crm.pipelines().get(d.pipelineId());
                        if (named) {
                            w.f.crm.deals().win(d.id(), d.version(), World.stageAt(p, stage), USERS.get(0));
                        } else {
                            w.f.crm.deals().win(d.id(), d.version(), USERS.get(0));
                        }
                        w.hadDealWon.add(d.customerId());
                    })));
        }
    }

    static final class Lose extends OnDeal {
        @Override
        public Arbitrary<Transformer<World>> transformer(World state) {
            return Combinators.combine(Arbitraries.integers(), Arbitraries.of("Price", "timing", "Bad luck"),
                    Arbitraries.of("", "  ", "went elsewhere")).as((deal, reason, note) -> Transformer.mutate(
                    "lose #" + deal + " for " + reason, w -> w.attempt(() -> {
                        Deal d = w.deal(deal);
                        w.f.crm.deals().lose(d.id(), d.version(), DealLoss.because(reason, USERS.get(0)).note(note));
                    })));
        }
    }

    static final class Reopen extends OnDeal {
        @Override
        public Arbitrary<Transformer<World>> transformer(World state) {
            return Combinators.combine(Arbitraries.integers(), Arbitraries.integers()).as((deal, stage) ->
                    Transformer.mutate("reopen #" + deal + " into stage #" + stage, w -> w.attempt(() -> {
                        Deal d = w.deal(deal);
                        Pipeline p = w.f.crm.pipelines().get(d.pipelineId());
                        w.f.crm.deals().reopen(d.id(), d.version(), World.stageAt(p, stage), USERS.get(2));
                    })));
        }
    }

    static final class Tick implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            return Arbitraries.integers().between(1, 5 * 24 * 60).map(minutes -> Transformer.mutate(
                    "advance the clock by " + minutes + " min", w -> w.f.clock.advance(Duration.ofMinutes(minutes))));
        }
    }
}
