package fr.recouvrement.plan;

/** How often instalments fall due. */
enum Frequency {
  MONTHLY,
  WEEKLY
}
