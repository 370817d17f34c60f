-- The portal's own SQL Server login: it may read and write the data, nothing else (no schema changes, no other
-- database, no server settings). Run after the migrations have created the database, with a login that may create
-- logins (docker-compose.yml's db-login service uses sa), e.g.
--   sqlcmd -S SERVER -U sa -v APP_PASSWORD="..." -i deploy/sqlserver/app-login.sql
-- Idempotent: run again to change the password. Migrations run with another login (docker-compose.yml's migrate
-- service uses sa) or from the script eng/sqlserver-script.sh writes, applied by the DBA.
SET NOCOUNT ON;
IF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE name = N'disclosure_app')
    CREATE LOGIN disclosure_app WITH PASSWORD = N'$(APP_PASSWORD)', CHECK_POLICY = ON, DEFAULT_DATABASE = Disclosure;
ELSE
    ALTER LOGIN disclosure_app WITH PASSWORD = N'$(APP_PASSWORD)';
GO
USE Disclosure;
GO
IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'disclosure_app')
    CREATE USER disclosure_app FOR LOGIN disclosure_app;
ALTER ROLE db_datareader ADD MEMBER disclosure_app;
ALTER ROLE db_datawriter ADD MEMBER disclosure_app;
GO
PRINT 'Login disclosure_app may read and write the Disclosure database.';
