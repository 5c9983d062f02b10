package fr.recouvrement.kpi;

import java.time.LocalDate;

/**
 * Computes the KPIs of a period from our records (cases, invoices, payments, communications,
 * costs).
 */
public interface KpiService {
  Kpis compute(LocalDate from, LocalDate to);
}
