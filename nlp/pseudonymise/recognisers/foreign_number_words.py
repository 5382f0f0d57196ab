"""Words for "order number", "invoice number" and "case number" in the languages of multilingual
answers: a number in personnummer shape after one of them is that other number, as after the
Swedish "ordernummer" (categories/personnummer.py). Arabic "رقم الطلب", Persian "شماره سفارش",
Russian "номер заказа", Ukrainian "номер замовлення", Polish "numer zamówienia", Finnish
"tilausnumero", Turkish "sipariş numarası"; English "order"/"invoice" the Swedish list already
covers. Lower case: the caller matches against the lowered text.
"""

from __future__ import annotations

FOREIGN_OTHER_NUMBER = (
    r"الطلب|الطلبية|الفاتورة|سفارش|فاکتور|پرونده|заказ|счёт|счет|замовлен|рахун|zamówien|faktur|"
    r"tilaus|lasku|sipariş|fatura|invoice|case\s+n"
)
