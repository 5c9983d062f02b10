/**
 * Amounts owed: late penalties, legal interest and its rates, payment allocation and case costs
 * (owner of {@code case_cost} and {@code payment_allocation}).
 */
package fr.recouvrement.money;
