package fr.recouvrement.portal;

import java.time.Instant;

/**
 * The portal as the creditor sees it for one case: links still working, visits and the actions the
 * debtor took there ({@code GET /api/cases/{reference}/portal}, the case page under {@code /app}).
 */
public record PortalActivity(
    long activeLinks,
    long visits,
    Instant lastVisit,
    long promises,
    long plans,
    long disputes,
    long callbacks,
    long payments) {}
