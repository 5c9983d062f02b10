/**
 * Payment plans (échéanciers): their schedule, four-eyes approval and instalment checks (owner of
 * {@code payment_plan} and {@code plan_instalment}).
 */
package fr.recouvrement.plan;
