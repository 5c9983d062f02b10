/**
 * The formal notice (mise en demeure): its letter, posting, delivery and return (owner of {@code
 * formal_notice} and {@code formal_notice_line}).
 */
package fr.recouvrement.legal.notice;
