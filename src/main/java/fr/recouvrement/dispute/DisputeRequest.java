package fr.recouvrement.dispute;

import java.util.List;

/** {@code POST /api/cases/{reference}/disputes}: the debtor contests some invoices of its case. */
public record DisputeRequest(String category, List<String> invoiceNumbers, String comment) {}
