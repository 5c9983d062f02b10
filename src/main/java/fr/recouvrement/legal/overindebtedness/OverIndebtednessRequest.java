package fr.recouvrement.legal.overindebtedness;

import java.time.LocalDate;

/**
 * {@code POST /api/cases/{reference}/over-indebtedness}: the commission de surendettement found the
 * consumer's file admissible on {@code admissibilityDate} (C. consom. L712-4).
 */
record OverIndebtednessRequest(LocalDate admissibilityDate, String commission) {}
