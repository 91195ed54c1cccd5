package io.crmkit.lead;

import io.crmkit.shared.InvalidInputException;

/**
 * Where a lead came from: the channel and the UTM fields of the campaign that brought it.
 *
 * <pre>{@code
 * LeadSource source = LeadSource.of(LeadChannel.WEB_FORM)
 *         .campaign("spring-sale").medium("cpc").term("scented candles").content("banner-b")
 *         .referrerUrl("https://www.example-search.com/").landingPage("https://shop.example/spring");
 * }</pre>
 *
 * <p>Every text is trimmed; blank texts are refused (leave them out instead). Nothing is lower-cased: campaign
 * names are the host's keys, compared exactly.
 *
 * @param channel     the kind of source; required
 * @param campaign    the campaign ({@code utm_campaign}), at most 200 characters, or null
 * @param medium      the medium ({@code utm_medium}: cpc, email, social), at most 200 characters, or null
 * @param term        the paid search term ({@code utm_term}), at most 200 characters, or null
 * @param content     the ad or link variant ({@code utm_content}), at most 200 characters, or null
 * @param referrerUrl the page the visitor came from, at most 2000 characters, or null
 * @param landingPage the page the visitor landed on, at most 2000 characters, or null
 */
public record LeadSource(LeadChannel channel, String campaign, String medium, String term, String content,
                         String referrerUrl, String landingPage) {

    /** The longest campaign, medium, term or content. */
    public static final int MAX_UTM_LENGTH = 200;
    /** The longest URL. */
    public static final int MAX_URL_LENGTH = 2000;

    /** @throws InvalidInputException naming the field that is missing, blank or too long */
    public LeadSource {
        if (channel == null) {
            throw InvalidInputException.of("channel", "must not be null");
        }
        campaign = LeadTexts.optional("campaign", campaign, MAX_UTM_LENGTH);
        medium = LeadTexts.optional("medium", medium, MAX_UTM_LENGTH);
        term = LeadTexts.optional("term", term, MAX_UTM_LENGTH);
        content = LeadTexts.optional("content", content, MAX_UTM_LENGTH);
        referrerUrl = LeadTexts.optional("referrerUrl", referrerUrl, MAX_URL_LENGTH);
        landingPage = LeadTexts.optional("landingPage", landingPage, MAX_URL_LENGTH);
    }

    /** A source of {@code channel} with no campaign data. */
    public static LeadSource of(LeadChannel channel) {
        return new LeadSource(channel, null, null, null, null, null, null);
    }

    /** This source with {@code campaign}. */
    public LeadSource campaign(String campaign) {
        return new LeadSource(channel, campaign, medium, term, content, referrerUrl, landingPage);
    }

    /** This source with {@code medium}. */
    public LeadSource medium(String medium) {
        return new LeadSource(channel, campaign, medium, term, content, referrerUrl, landingPage);
    }

    /** This source with {@code term}. */
    public LeadSource term(String term) {
        return new LeadSource(channel, campaign, medium, term, content, referrerUrl, landingPage);
    }

    /** This source with {@code content}. */
    public LeadSource content(String content) {
        return new LeadSource(channel, campaign, medium, term, content, referrerUrl, landingPage);
    }

    /** This source with {@code referrerUrl}. */
    public LeadSource referrerUrl(String referrerUrl) {
        return new LeadSource(channel, campaign, medium, term, content, referrerUrl, landingPage);
    }

    /** This source with {@code landingPage}. */
    public LeadSource landingPage(String landingPage) {
        return new LeadSource(channel, campaign, medium, term, content, referrerUrl, landingPage);
    }
}
