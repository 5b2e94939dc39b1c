from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class Order(_message.Message):
    __slots__ = ("order_id", "ordered_at_ms", "customer_key", "country", "sku", "quantity", "unit_price_cents", "currency", "total_eur_cents")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ORDERED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_KEY_FIELD_NUMBER: _ClassVar[int]
    COUNTRY_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    UNIT_PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    TOTAL_EUR_CENTS_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    ordered_at_ms: int
    customer_key: bytes
    country: str
    sku: str
    quantity: int
    unit_price_cents: int
    currency: str
    total_eur_cents: int
    def __init__(self, order_id: _Optional[str] = ..., ordered_at_ms: _Optional[int] = ..., customer_key: _Optional[bytes] = ..., country: _Optional[str] = ..., sku: _Optional[str] = ..., quantity: _Optional[int] = ..., unit_price_cents: _Optional[int] = ..., currency: _Optional[str] = ..., total_eur_cents: _Optional[int] = ...) -> None: ...
