package io.crmkit.pipeline;

import java.time.LocalDate;

/**
 * A pipeline's figures for a period of days, {@code from} to {@code to} inclusive: the open deals expected to close in
 * it, and the deals won and lost in it (by the day of their closing instant in the zone asked for).
 *
 * @param from the first day
 * @param to   the last day
 * @param open the deals open now whose expected close date lies in the period
 * @param won  the deals won in the period (and still won)
 * @param lost the deals lost in the period (and still lost)
 */
public record PeriodTotals(LocalDate from, LocalDate to, DealTotals open, DealTotals won, DealTotals lost) {
}
