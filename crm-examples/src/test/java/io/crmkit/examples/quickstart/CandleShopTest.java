package io.crmkit.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.Crm;
import io.crmkit.inmemory.InMemoryCrmStorage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The candle shop quick start")
class CandleShopTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private CandleShop.Summary runShop() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
        Crm crm = Crm.builder().storage(new InMemoryCrmStorage()).clock(clock).defaultRegion("GB").build();
        return new CandleShop(crm, clock, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
    }

    @Test
    @DisplayName("records the history once and recognises the re-delivered webhook")
    void ingestsIdempotently() {
        CandleShop.Summary summary = runShop();

        assertThat(summary.recorded()).isEqualTo(251);
        assertThat(summary.duplicates()).isEqualTo(1);
        assertThat(summary.sarahTouchpoints()).isEqualTo(57);
        assertThat(summary.sarahPurchases()).isEqualTo(28);
        assertThat(output()).contains("recorded 251 touchpoints; the re-delivered webhook was a duplicate: true");
    }

    @Test
    @DisplayName("prints Sarah's timeline newest first and the customers who have not bought for 90 days")
    void printsTheFigures() {
        CandleShop.Summary summary = runShop();

        assertThat(summary.lapsed()).containsExactly("Emma Miller");
        assertThat(output())
                .contains("by e-mail sarah.miller@example.com -> Sarah Miller")
                .contains("by phone +44 7700 900123           -> Sarah Miller")
                .contains("Sarah: sister of Emma Miller")
                .contains("2026-11-20 18:30  EMAIL     INBOUND  Do you make unscented candles?")
                .contains("Sarah in all: 57 touchpoints, 28 purchases, last purchase 2026-11-18 16:03")
                .contains("Emma Miller    | 2026-02-14 12:00 |         2");
        assertThat(output().indexOf("page 1")).isLessThan(output().indexOf("page 2"));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
