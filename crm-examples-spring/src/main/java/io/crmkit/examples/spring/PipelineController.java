package io.crmkit.examples.spring;

import io.crmkit.Crm;
import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.MoneyTotal;
import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.PipelineSummary;
import io.crmkit.pipeline.StageKind;
import io.crmkit.pipeline.StageSummary;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.Money;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.PipelineId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /pipelines/{id}/board}: the pipeline board, one column per stage with its figures (count, and per
 * currency the total and the weighted total) and its first deals. {@code default} names the tenant's default
 * pipeline. The figures come from the storage ({@code Deals.summary}), not from adding up deals here.
 */
@RestController
public class PipelineController {

    private final Crm crm;

    public PipelineController(Crm crm) {
        this.crm = crm;
    }

    /** The board. */
    public record Board(String pipelineId, String name, List<Column> stages) {
    }

    /** One stage: its figures and its first deals ({@code moreDeals} if there are others). */
    public record Column(String stageId, String name, StageKind kind, int probability, long count,
                         List<CurrencyTotal> totals, List<DealCard> deals, boolean moreDeals) {
    }

    /** The deals of a stage in one currency: never added across currencies. */
    public record CurrencyTotal(String currency, long count, Money amount, Money weightedAmount) {
        static CurrencyTotal of(MoneyTotal total) {
            return new CurrencyTotal(total.currency().getCurrencyCode(), total.count(), total.amount(),
                    total.weightedAmount());
        }
    }

    /** A deal as the board shows it. */
    public record DealCard(DealId id, String name, CustomerId customerId, String owner, Money amount,
                           Money weightedAmount, int probability, LocalDate expectedCloseDate) {
        static DealCard of(Deal deal) {
            return new DealCard(deal.id(), deal.name(), deal.customerId(), deal.owner().value(), deal.amount(),
                    deal.weightedAmount(), deal.probability(), deal.expectedCloseDate());
        }
    }

    @GetMapping("/pipelines/{id}/board")
    public Board board(@PathVariable String id, @RequestParam(defaultValue = "10") int deals) {
        Pipeline pipeline = "default".equals(id)
                ? crm.pipelines().defaultPipeline().orElseThrow(() -> new NotFoundException("Pipeline", "default"))
                : crm.pipelines().get(PipelineId.parse(id));
        PipelineSummary summary = crm.deals().summary(pipeline.id());
        List<Column> columns = new ArrayList<>();
        for (StageSummary stage : summary.stages()) {
            Page<Deal> first = crm.deals().board(pipeline.id(), stage.stage().id(), PageRequest.first(deals));
            columns.add(new Column(stage.stage().id().value().toString(), stage.stage().name(), stage.stage().kind(),
                    stage.stage().probability(), stage.totals().count(),
                    stage.totals().byCurrency().stream().map(CurrencyTotal::of).toList(),
                    first.items().stream().map(DealCard::of).toList(), first.hasNext()));
        }
        return new Board(pipeline.id().value().toString(), pipeline.name(), columns);
    }
}
