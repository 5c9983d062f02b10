/** Court deadlines and events of small claims and orders to pay (injonction de payer). */
package fr.recouvrement.legal.court;
