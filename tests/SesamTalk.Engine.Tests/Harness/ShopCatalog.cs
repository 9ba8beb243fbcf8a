namespace SesamTalk.Engine.Tests.Harness;

/// <summary>The Shop's schema as its emulator enforces it, for scenarios that need the Shop to refuse bad records.</summary>
public static class ShopCatalog
{
    public const string Json = """
        {
          "system": "Shop",
          "systemFields": [ { "name": "Id", "type": "id", "key": true, "createable": false, "updateable": false, "nillable": false, "defaultedOnCreate": true } ],
          "objects": [
            {
              "name": "Product", "createable": true, "updateable": true, "deletable": true,
              "fields": [
                { "name": "Sku", "type": "string", "length": 40, "createable": true, "updateable": true, "nillable": false, "defaultedOnCreate": false, "unique": true },
                { "name": "Name", "type": "string", "length": 40, "createable": true, "updateable": true, "nillable": false, "defaultedOnCreate": false },
                { "name": "Price", "type": "currency", "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false },
                { "name": "Stock", "type": "int", "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false },
                { "name": "Notes", "type": "textarea", "length": 1000, "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": false },
                { "name": "Active", "type": "boolean", "createable": true, "updateable": true, "nillable": true, "defaultedOnCreate": true }
              ]
            }
          ]
        }
        """;
}
