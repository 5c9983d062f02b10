/**
 * Collection KPIs by segment, channel and strategy version, read from our tables and the engine's
 * history.
 */
package fr.recouvrement.kpi;
