/** Choosing and preparing enforcement measures once a title exists. */
package fr.recouvrement.legal.enforcement;
