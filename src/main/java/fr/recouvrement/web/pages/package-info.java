/** Server-rendered pages for collectors and debtors (cases, documents). */
package fr.recouvrement.web.pages;
