package fr.recouvrement.dispute;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A dispute as the API shows it. */
public record DisputeView(
    long id,
    String caseReference,
    DisputeCategory category,
    String comment,
    String status,
    List<String> invoiceNumbers,
    BigDecimal disputedAmount,
    String outcome,
    BigDecimal creditedAmount,
    String creditNoteNumber,
    String rejectionReason,
    Instant raisedAt,
    String raisedBy,
    Instant resolvedAt) {}
