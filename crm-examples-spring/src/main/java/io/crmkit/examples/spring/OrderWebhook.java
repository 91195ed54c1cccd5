package io.crmkit.examples.spring;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.crmkit.shared.CustomerId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order, as the shop platform's webhook delivers it. The platform may deliver the same order more than once (a
 * timeout, a retry): {@link #orderId} identifies it.
 *
 * @param orderId    the shop's order number
 * @param customerId the crmkit id of the buyer, which the shop keeps with the buyer's account since
 *                   {@code POST /customers}
 * @param placedAt   when the order was placed
 * @param currency   ISO 4217 code of every price in the order
 * @param lines      what was bought
 */
// The platform adds fields to its payload over time; the webhook reads what it needs and must not break on the rest
// (the shop's own API, by contrast, refuses unknown fields: see JsonConfiguration).
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrderWebhook(
        @NotBlank @Size(max = 64) String orderId,
        @NotNull CustomerId customerId,
        @NotNull Instant placedAt,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as GBP") String currency,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines) {

    /**
     * One line of an order.
     *
     * @param sku       the product, one of the shop's ({@code shop_product})
     * @param quantity  how many
     * @param unitPrice the price of one, in the order's currency
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(@NotBlank @Size(max = 40) String sku, @Positive int quantity,
                       @NotNull @PositiveOrZero BigDecimal unitPrice) {
    }

    /** The order's total: the sum of quantity × unit price. */
    public BigDecimal total() {
        return lines.stream()
                .map(line -> line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
